package io.mops.qa.run;

import io.mops.qa.rules.Finding;
import io.mops.qa.rules.Location;
import io.mops.qa.rules.Severity;

import java.time.Instant;
import java.util.Locale;

/**
 * @param element     CSS selector of the offending HTML element, when the finding is inside the email HTML
 * @param needsReview the check could not decide (a link that timed out); the CoE may dismiss such a finding
 * @param dismissal   who dismissed it, when and why; null while it stands (never stored with the findings)
 */
public record FindingView(String ruleId, String ruleSet, int ruleSetVersion, String severity, String field,
                          String element, String message, String fixHint, boolean needsReview, Dismissal dismissal) {

    static FindingView of(Finding f) {
        return new FindingView(f.ruleId(), f.ruleSet(), f.ruleSetVersion(), f.severity().code(), f.location().field(),
                f.location().element(), f.message(), f.fixHint(), f.needsReview(), null);
    }

    /** The finding as the rules see it, to judge the run again without the dismissed ones. */
    Finding toFinding() {
        return new Finding(ruleId, ruleSet, ruleSetVersion, Severity.valueOf(severity.toUpperCase(Locale.ROOT)),
                new Location(field, element), message, fixHint, needsReview);
    }

    FindingView dismissedBy(FindingDismissal d) {
        return new FindingView(ruleId, ruleSet, ruleSetVersion, severity, field, element, message, fixHint, needsReview,
                new Dismissal(d.dismissedBy, d.reason, d.dismissedAt));
    }

    public record Dismissal(String by, String reason, Instant at) {
    }
}
