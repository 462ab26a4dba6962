package io.mops.budget.reallocation;

import io.mops.budget.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A move of money between a plan's channels: the channels it touches with their allocations before and after,
 * and the plan's total it is measured against.
 */
public record BudgetMove(Money planTotal, List<ChannelShift> shifts) {

    public BudgetMove {
        Objects.requireNonNull(planTotal, "planTotal");
        shifts = List.copyOf(shifts);
        for (ChannelShift shift : shifts) {
            if (!shift.before().currency().equals(planTotal.currency())) {
                throw new IllegalArgumentException("channel '" + shift.channel() + "' is in "
                        + shift.before().currencyCode() + " but the plan is in " + planTotal.currencyCode());
            }
        }
    }

    /**
     * The money that changes hands: what the gaining channels receive. When the move also hands out or takes back
     * unallocated money the two sides differ, and the larger one counts.
     */
    public Money amountMoved() {
        Money raised = Money.zero(planTotal.currency());
        Money cut = Money.zero(planTotal.currency());
        for (ChannelShift shift : shifts) {
            if (shift.change().isNegative()) {
                cut = cut.plus(shift.size());
            } else {
                raised = raised.plus(shift.size());
            }
        }
        return raised.max(cut);
    }

    /** The amount moved as a percentage of the plan's total (0 for an empty plan). */
    public BigDecimal percentOfTotal() {
        if (planTotal.isZero()) {
            return BigDecimal.ZERO;
        }
        return amountMoved().amount().multiply(BigDecimal.valueOf(100))
                .divide(planTotal.amount(), 4, RoundingMode.HALF_EVEN);
    }

    public boolean movesAnything() {
        return shifts.stream().anyMatch(ChannelShift::moves);
    }

    /**
     * Whether the move can still be made as proposed: every channel it touches still holds what the move started
     * from. Otherwise someone changed those allocations since, and the move would be computed on stale numbers.
     */
    public boolean startsFrom(Map<String, Money> currentAllocations) {
        return shifts.stream().allMatch(s -> s.before().equals(currentAllocations.get(s.channel())));
    }

    /**
     * Whether undoing the move is safe: every channel it touched still holds what the move left it. Any later change
     * to one of them (by hand or by a newer move) would be silently overwritten by the undo, so it is refused.
     */
    public boolean isUndoable(Map<String, Money> currentAllocations) {
        return shifts.stream().allMatch(s -> s.after().equals(currentAllocations.get(s.channel())));
    }

    public Map<String, Money> allocationsAfter() {
        Map<String, Money> after = new HashMap<>();
        shifts.forEach(s -> after.put(s.channel(), s.after()));
        return after;
    }

    public Map<String, Money> allocationsBefore() {
        Map<String, Money> before = new HashMap<>();
        shifts.forEach(s -> before.put(s.channel(), s.before()));
        return before;
    }
}
