package io.mops.qa.rules.compliance;

import io.mops.qa.rules.CampaignCheck;
import io.mops.qa.rules.CampaignUnderReview;
import io.mops.qa.rules.Findings;
import io.mops.qa.rules.Location;
import io.mops.qa.rules.RuleBook;
import io.mops.qa.rules.RuleIds;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The subject line does not mislead about the message (CAN-SPAM 15 U.S.C. 7704(a)(2), CASL s.6(2)(c)): no fake
 * replies or forwards, no invented urgency about an account, no prize the recipient has not won.
 */
public final class SubjectLineCheck implements CampaignCheck {

    private final List<Pattern> deceptive;

    public SubjectLineCheck(RuleBook book) {
        this.deceptive = Patterns.compile(book.email().deceptiveSubjectPatterns());
    }

    @Override
    public void inspect(CampaignUnderReview campaign, Findings findings) {
        campaign.email().ifPresent(email -> {
            String subject = email.subject();
            if (subject == null) {
                return;
            }
            for (Pattern pattern : deceptive) {
                var match = pattern.matcher(subject);
                if (match.find()) {
                    findings.report(RuleIds.SUBJECT_LINE, Location.field("creatives.email.subject"),
                            "the subject line \"" + subject + "\" misleads (\"" + match.group().trim() + "\")",
                            "state plainly what the email is about");
                    return;
                }
            }
        });
    }
}
