package io.mops.approval.decision;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.mops.approval.decision.FourEyesPolicy.Outcome.AWAITING_SECOND_APPROVER;
import static io.mops.approval.decision.FourEyesPolicy.Outcome.GRANTED;
import static io.mops.approval.decision.FourEyesPolicy.Outcome.REJECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FourEyesPolicyTest {

    private final FourEyesPolicy policy = new FourEyesPolicy(new BigDecimal("10000"));

    @Test
    void oneApproverSufficesUpToTheThreshold() {
        assertEquals(GRANTED, policy.decide("budget-service", new BigDecimal("10000.00"), List.of(), "alice", Verdict.GRANT));
        assertEquals(GRANTED, policy.decide("budget-service", null, List.of(), "alice", Verdict.GRANT));
    }

    @Test
    void aboveTheThresholdASecondDifferentApproverIsNeeded() {
        BigDecimal big = new BigDecimal("10000.01");
        assertEquals(AWAITING_SECOND_APPROVER, policy.decide("budget-service", big, List.of(), "alice", Verdict.GRANT));
        assertEquals(GRANTED, policy.decide("budget-service", big, List.of("alice"), "nina", Verdict.GRANT));
        assertThrows(FourEyesPolicy.DecisionRefused.class,
                () -> policy.decide("budget-service", big, List.of("alice"), "alice", Verdict.GRANT));
    }

    @Test
    void nobodyDecidesTheirOwnRequest() {
        assertThrows(FourEyesPolicy.DecisionRefused.class,
                () -> policy.decide("alice", BigDecimal.ONE, List.of(), "alice", Verdict.GRANT));
        assertThrows(FourEyesPolicy.DecisionRefused.class,
                () -> policy.decide("alice", BigDecimal.ONE, List.of(), "alice", Verdict.REJECT));
    }

    @Test
    void oneRejectionIsFinalEvenAfterAFirstApproval() {
        assertEquals(REJECTED, policy.decide("qa-service", new BigDecimal("50000"), List.of("alice"), "nina", Verdict.REJECT));
    }
}
