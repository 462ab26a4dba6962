package io.mops.qa.run;

import io.mops.qa.rules.Finding;

/**
 * @param element CSS selector of the offending HTML element, when the finding is inside the email HTML
 */
public record FindingView(String ruleId, String ruleSet, int ruleSetVersion, String severity, String field,
                          String element, String message, String fixHint) {

    static FindingView of(Finding f) {
        return new FindingView(f.ruleId(), f.ruleSet(), f.ruleSetVersion(), f.severity().code(), f.location().field(),
                f.location().element(), f.message(), f.fixHint());
    }
}
