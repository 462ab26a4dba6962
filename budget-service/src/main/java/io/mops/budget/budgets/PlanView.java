package io.mops.budget.budgets;

import io.mops.budget.pacing.PacingCurve;
import io.mops.budget.plan.BudgetPlan;
import io.mops.budget.plan.ChannelBudget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A plan as one caller may see it: the CoE every channel, a channel team only its own.
 *
 * @param version pass it back as {@code expectedVersion} to change the plan only if nobody else has
 */
public record PlanView(UUID id, String name, String currency, BigDecimal total, BigDecimal allocated,
                       BigDecimal unallocated, LocalDate periodStart, LocalDate periodEnd, PacingCurve pacing,
                       BigDecimal pacingTolerance, long version, List<ChannelView> channels) {

    public record ChannelView(String channel, BigDecimal allocation, BigDecimal committedToCampaigns,
                              BigDecimal uncommitted) {

        static ChannelView of(ChannelBudget budget) {
            return new ChannelView(budget.channel(), budget.allocation().amount(),
                    budget.committedToCampaigns().amount(), budget.uncommitted().amount());
        }
    }

    static PlanView of(Plan plan, BudgetPlan tree, Optional<String> visibleChannel) {
        List<ChannelView> channels = tree.channels().values().stream()
                .filter(c -> visibleChannel.map(c.channel()::equals).orElse(true))
                .map(ChannelView::of)
                .toList();
        return new PlanView(plan.id, plan.name, plan.currency, tree.total().amount(), tree.allocated().amount(),
                tree.unallocated().amount(), plan.periodStart, plan.periodEnd, plan.pacingCurve,
                plan.pacingTolerance, plan.version, channels);
    }
}
