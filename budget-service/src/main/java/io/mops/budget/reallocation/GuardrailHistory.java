package io.mops.budget.reallocation;

import java.time.Instant;

/** Change histories of the CoE's guardrails, newest first: who changed what, when, from what to what. */
public final class GuardrailHistory {

    private GuardrailHistory() {
    }

    public record PolicyChanged(String changedBy, Instant changedAt, PolicyView before, PolicyView after) {
    }

    public record KillSwitchChanged(String changedBy, Instant changedAt, KillSwitch before, KillSwitch after) {
    }
}
