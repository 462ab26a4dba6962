package io.mops.approval.decision;

import java.math.BigDecimal;
import java.util.List;

/**
 * Who may decide a request, and when it is decided. Nobody approves their own request; a request with more
 * money at stake than {@code secondApproverAbove} needs two different approvers; one rejection is final.
 */
public final class FourEyesPolicy {

    public enum Outcome { GRANTED, REJECTED, AWAITING_SECOND_APPROVER }

    /** The decision breaks the rules; nothing is recorded. */
    public static final class DecisionRefused extends RuntimeException {
        public DecisionRefused(String reason) {
            super(reason);
        }
    }

    private final BigDecimal secondApproverAbove;

    public FourEyesPolicy(BigDecimal secondApproverAbove) {
        this.secondApproverAbove = secondApproverAbove;
    }

    public int approversNeeded(BigDecimal amount) {
        return amount != null && amount.compareTo(secondApproverAbove) > 0 ? 2 : 1;
    }

    /**
     * @param requestedBy      who asked
     * @param amount           money at stake, or {@code null}
     * @param earlierApprovers who already granted it
     * @param decider          who decides now
     */
    public Outcome decide(String requestedBy, BigDecimal amount, List<String> earlierApprovers, String decider,
                          Verdict verdict) {
        if (decider.equals(requestedBy)) {
            throw new DecisionRefused("nobody decides their own request");
        }
        if (earlierApprovers.contains(decider)) {
            throw new DecisionRefused(decider + " already approved this request; a different approver must decide");
        }
        if (verdict == Verdict.REJECT) {
            return Outcome.REJECTED;
        }
        return earlierApprovers.size() + 1 >= approversNeeded(amount) ? Outcome.GRANTED : Outcome.AWAITING_SECOND_APPROVER;
    }
}
