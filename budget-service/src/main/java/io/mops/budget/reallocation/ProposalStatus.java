package io.mops.budget.reallocation;

/**
 * Where a reallocation proposal stands. Only {@link #AWAITING_APPROVAL} is undecided; every other status is final,
 * except that an {@link #APPLIED} move may later be {@link #ROLLED_BACK}.
 */
public enum ProposalStatus {
    /** Inside the approval policy, or granted, and made. */
    APPLIED,
    /** Above the approval policy; an approval was requested. */
    AWAITING_APPROVAL,
    /** An approver refused it. */
    REJECTED,
    /** Nobody decided before it lapsed. */
    EXPIRED,
    /** A newer proposal for the same plan replaced it before anyone decided. */
    SUPERSEDED,
    /** The CoE's kill switch was on; nothing was moved. */
    FROZEN,
    /** Granted or inside the policy, but the plan had changed so that the move no longer fitted; nothing was moved. */
    NOT_APPLICABLE,
    /** Applied, then undone by the CoE. */
    ROLLED_BACK;

    public boolean isUndecided() {
        return this == AWAITING_APPROVAL;
    }

    /** A newer proposal for the same plan replaces an older one only while nobody has decided the older one. */
    public boolean isSupersededByNewerProposal() {
        return isUndecided();
    }

    public boolean mayBeRolledBack() {
        return this == APPLIED;
    }
}
