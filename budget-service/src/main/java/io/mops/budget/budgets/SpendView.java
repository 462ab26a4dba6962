package io.mops.budget.budgets;

import io.mops.budget.pacing.PacingAssessment;
import io.mops.budget.pacing.PacingState;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What recording a spend did.
 *
 * @param overCap the spend went past the campaign's budget: recorded, flagged, and the campaign stopped
 * @param overrun everything spent beyond the budget so far
 */
public record SpendView(UUID entryId, boolean overCap, BigDecimal overrun, Pacing pacing, CampaignView campaign) {

    public record Pacing(PacingState state, BigDecimal plannedShare, BigDecimal plannedToDate,
                         BigDecimal projectedSpend, BigDecimal tolerance) {

        static Pacing of(PacingAssessment a) {
            return new Pacing(a.state(), a.plannedShare(), a.plannedToDate().amount(), a.projectedSpend().amount(),
                    a.tolerance());
        }
    }
}
