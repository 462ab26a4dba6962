package io.mops.qa.rules.compliance;

import io.mops.qa.campaign.Substantiation;
import io.mops.qa.rules.CampaignCheck;
import io.mops.qa.rules.CampaignUnderReview;
import io.mops.qa.rules.CopyText;
import io.mops.qa.rules.Findings;
import io.mops.qa.rules.RuleBook;
import io.mops.qa.rules.RuleIds;
import io.mops.qa.rules.Severity;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Claims need evidence before they run (FTC Act s.5 and the FTC's advertising substantiation policy; EU Unfair
 * Commercial Practices Directive 2005/29/EC; the UK CAP Code rule 3.7): "free", "guaranteed", "risk-free", "#1",
 * health and financial promises. A claim passes when the submission names a substantiation for it; otherwise it is
 * reported with the severity of its category.
 */
public final class ClaimSubstantiationCheck implements CampaignCheck {

    private record Category(String name, Severity severity, List<Pattern> patterns) {
    }

    private final List<Category> categories;

    public ClaimSubstantiationCheck(RuleBook book) {
        this.categories = book.claims().stream()
                .map(c -> new Category(c.category(), c.severity(), Patterns.compile(c.patterns())))
                .toList();
    }

    @Override
    public void inspect(CampaignUnderReview campaign, Findings findings) {
        if (!findings.isEnabled(RuleIds.CLAIM_SUBSTANTIATION)) {
            return;
        }
        List<Substantiation> evidence = campaign.submission().substantiations().stream()
                .filter(s -> s.claim() != null && s.reference() != null && !s.reference().isBlank())
                .toList();
        for (CopyText copy : campaign.copy()) {
            for (Category category : categories) {
                for (Pattern pattern : category.patterns()) {
                    Matcher claim = pattern.matcher(copy.text());
                    while (claim.find()) {
                        String term = claim.group().trim();
                        if (!isSubstantiated(term, pattern, evidence)) {
                            findings.report(RuleIds.CLAIM_SUBSTANTIATION, category.severity(), copy.where(),
                                    "the " + category.name() + " claim \"" + term + "\" has no substantiation on file",
                                    "attach a substantiation reference for \"" + term + "\" or reword the claim");
                        }
                    }
                }
            }
        }
    }

    private static boolean isSubstantiated(String term, Pattern pattern, List<Substantiation> evidence) {
        String lower = term.toLowerCase(Locale.ROOT);
        return evidence.stream().anyMatch(s -> s.claim().toLowerCase(Locale.ROOT).contains(lower)
                || pattern.matcher(s.claim()).find());
    }
}
