package io.mops.qa.rules;

import io.mops.qa.campaign.CampaignSubmission;
import io.mops.qa.rules.accessibility.DocumentLanguageCheck;
import io.mops.qa.rules.clients.ClientSupportCheck;
import io.mops.qa.rules.accessibility.ImageAltTextCheck;
import io.mops.qa.rules.accessibility.LinkTextCheck;
import io.mops.qa.rules.accessibility.PlainTextPartCheck;
import io.mops.qa.rules.compliance.ClaimSubstantiationCheck;
import io.mops.qa.rules.compliance.ConsentBasisCheck;
import io.mops.qa.rules.compliance.PostalAddressCheck;
import io.mops.qa.rules.compliance.SenderIdentityCheck;
import io.mops.qa.rules.compliance.SmsOptOutCheck;
import io.mops.qa.rules.compliance.SmsSendingWindowCheck;
import io.mops.qa.rules.compliance.SubjectLineCheck;
import io.mops.qa.rules.compliance.UnsubscribeLinkCheck;
import io.mops.qa.rules.structure.AudienceSizeCheck;
import io.mops.qa.rules.structure.BudgetCheck;
import io.mops.qa.rules.structure.CampaignDatesCheck;
import io.mops.qa.rules.structure.RequiredFieldsCheck;
import io.mops.qa.rules.structure.WellFormedHtmlCheck;
import io.mops.qa.rules.tracking.ConsistentTaggingCheck;
import io.mops.qa.rules.tracking.LinkFormCheck;
import io.mops.qa.rules.tracking.UtmTaxonomyCheck;

import java.time.LocalDate;
import java.util.List;

/**
 * Pre-launch QA of campaigns under one version of a rule set. Built once per rule set version and safe to share:
 * reviewing is a pure function of the submission, the rule set and the day, so the same input always gets the same
 * verdict, the same score and the same findings in the same order.
 */
public final class CampaignQa {

    private final RuleBook book;
    private final List<CampaignCheck> checks;

    public CampaignQa(RuleBook book) {
        this.book = book;
        this.checks = List.of(
                new RequiredFieldsCheck(),
                new CampaignDatesCheck(),
                new AudienceSizeCheck(),
                new BudgetCheck(),
                new WellFormedHtmlCheck(),
                new LinkFormCheck(),
                new UtmTaxonomyCheck(book),
                new ConsistentTaggingCheck(book),
                new UnsubscribeLinkCheck(book),
                new PostalAddressCheck(book),
                new SenderIdentityCheck(book),
                new SubjectLineCheck(book),
                new ConsentBasisCheck(),
                new SmsOptOutCheck(book),
                new SmsSendingWindowCheck(),
                new ClaimSubstantiationCheck(book),
                new ImageAltTextCheck(),
                new LinkTextCheck(book),
                new PlainTextPartCheck(),
                new DocumentLanguageCheck(),
                new ClientSupportCheck(book));
    }

    public RuleBook ruleBook() {
        return book;
    }

    public QaResult review(CampaignSubmission submission, LocalDate today) {
        CampaignUnderReview campaign = new CampaignUnderReview(submission, book, today);
        Findings findings = new Findings(book);
        for (CampaignCheck check : checks) {
            check.inspect(campaign, findings);
        }
        List<Finding> found = findings.inReportOrder();
        return new QaResult(Verdict.of(found), RiskScore.of(found, book.riskWeights()), book.name(), book.version(),
                found);
    }
}
