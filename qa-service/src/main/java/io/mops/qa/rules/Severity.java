package io.mops.qa.rules;

import java.util.Locale;

/** How much a finding weighs on the launch decision. */
public enum Severity {
    /** Worth knowing; does not hold the launch. */
    INFO,
    /** A judgment call: a person must approve the launch. */
    WARN,
    /** A clear failure: the campaign must not launch as submitted. */
    BLOCK;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
