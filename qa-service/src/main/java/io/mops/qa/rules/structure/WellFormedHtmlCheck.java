package io.mops.qa.rules.structure;

import io.mops.qa.rules.CampaignCheck;
import io.mops.qa.rules.CampaignUnderReview;
import io.mops.qa.rules.Findings;
import io.mops.qa.rules.Location;
import io.mops.qa.rules.RuleIds;
import org.jsoup.parser.ParseError;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Email clients repair broken HTML each in their own way, so a malformed email looks different in every inbox.
 * The document is still checked (as a browser would repair it); this finding says that it needed repairing.
 */
public final class WellFormedHtmlCheck implements CampaignCheck {

    private static final int ERRORS_QUOTED = 3;

    @Override
    public void inspect(CampaignUnderReview campaign, Findings findings) {
        List<ParseError> errors = campaign.htmlErrors();
        if (errors.isEmpty()) {
            return;
        }
        String quoted = errors.stream().limit(ERRORS_QUOTED)
                .map(e -> "at " + e.getCursorPos() + ": " + e.getErrorMessage())
                .collect(Collectors.joining("; "));
        String count = errors.size() >= CampaignUnderReview.MAX_TRACKED_PARSE_ERRORS
                ? "at least " + errors.size() : String.valueOf(errors.size());
        findings.report(RuleIds.HTML_WELL_FORMED, Location.field(CampaignUnderReview.EMAIL_HTML),
                "the email HTML is malformed (" + count + " parse errors): " + quoted,
                "validate the HTML and close or remove the broken tags; test renders in the main email clients");
    }
}
