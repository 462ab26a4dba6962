package io.mops.qa.rules;

import java.util.Collection;

/** The launch decision QA reaches from its findings. */
public enum Verdict {
    PASS("pass"),
    NEEDS_APPROVAL("needs-approval"),
    BLOCKED("blocked");

    private final String code;

    Verdict(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Any block blocks; otherwise any warning sends the campaign to a human; otherwise it passes. */
    public static Verdict of(Collection<Finding> findings) {
        boolean warned = false;
        for (Finding finding : findings) {
            if (finding.severity() == Severity.BLOCK) {
                return BLOCKED;
            }
            warned |= finding.severity() == Severity.WARN;
        }
        return warned ? NEEDS_APPROVAL : PASS;
    }
}
