package io.mops.budget.reallocation;

import io.mops.budget.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The CoE's guardrails for moves the service may make on its own. A move is inside the policy when the money it
 * moves is at most the policy's amount threshold for the plan's currency and at most {@code maxPercentOfTotal} of
 * the plan's total, and every channel it touches stays within that channel's own limits, if the CoE set any.
 * Anything else needs a person's approval — including a move in a currency the CoE set no amount threshold for:
 * MOPS never converts money, so 500 EUR says nothing about yen, and the safe default is to ask.
 *
 * @param maxAmountMoved     per currency, the largest amount one autonomous move may shift
 * @param maxPercentOfTotal  largest share of the plan's total one autonomous move may shift, in percent
 * @param channels           per channel, stricter or looser limits on how much that channel may gain or lose
 */
public record ApprovalPolicy(Map<Currency, BigDecimal> maxAmountMoved, BigDecimal maxPercentOfTotal,
                             Map<String, ChannelLimit> channels) {

    /**
     * What one channel may gain or lose in an autonomous move. An absent bound is not checked for the channel; an
     * amount bound that names other currencies than the move's is broken, as the plan-wide one is.
     *
     * @param maxAmount              per currency; empty when the channel has no amount bound
     * @param maxPercentOfAllocation relative to the channel's allocation before the move
     */
    public record ChannelLimit(Map<Currency, BigDecimal> maxAmount, Optional<BigDecimal> maxPercentOfAllocation) {

        public ChannelLimit {
            maxAmount = amountsPerCurrency("maxAmount", maxAmount);
            Objects.requireNonNull(maxPercentOfAllocation, "maxPercentOfAllocation");
            maxPercentOfAllocation.ifPresent(p -> requireNotNegative("maxPercentOfAllocation", p));
        }
    }

    /** Nothing moves without approval until the CoE says otherwise. */
    public static final ApprovalPolicy NOTHING_AUTONOMOUS =
            new ApprovalPolicy(Map.of(), BigDecimal.ZERO, Map.of());

    public ApprovalPolicy {
        maxAmountMoved = amountsPerCurrency("maxAmountMoved", maxAmountMoved);
        requireNotNegative("maxPercentOfTotal", maxPercentOfTotal);
        channels = Map.copyOf(new TreeMap<>(channels));
    }

    /** The policy's verdict on a move, with every limit it broke (empty when it is inside). */
    public record Verdict(boolean autonomous, List<String> exceeded) {

        public Verdict {
            exceeded = List.copyOf(exceeded);
        }

        public String reason() {
            return autonomous ? "inside the approval policy" : "needs approval: " + String.join("; ", exceeded);
        }
    }

    public Verdict judge(BudgetMove move) {
        List<String> exceeded = new ArrayList<>();
        Money moved = move.amountMoved();
        BigDecimal amountLimit = maxAmountMoved.get(moved.currency());
        if (amountLimit == null) {
            // A move of nothing needs no threshold; any other amount in an unlisted currency is above it.
            if (!moved.isZero()) {
                exceeded.add("moves " + moved + " and the policy sets no amount limit in " + moved.currency());
            }
        } else if (moved.amount().compareTo(amountLimit) > 0) {
            exceeded.add("moves " + moved + ", above the limit of " + amountLimit.toPlainString() + " "
                    + moved.currency());
        }
        BigDecimal percent = move.percentOfTotal();
        if (percent.compareTo(maxPercentOfTotal) > 0) {
            exceeded.add("moves " + percent.stripTrailingZeros().toPlainString() + " % of the plan's total, above "
                    + maxPercentOfTotal.toPlainString() + " %");
        }
        for (ChannelShift shift : move.shifts()) {
            ChannelLimit limit = channels.get(shift.channel());
            if (limit == null || !shift.moves()) {
                continue;
            }
            BigDecimal size = shift.size().amount();
            if (!limit.maxAmount().isEmpty()) {
                BigDecimal max = limit.maxAmount().get(shift.size().currency());
                if (max == null) {
                    exceeded.add("changes '" + shift.channel() + "' by " + shift.size() + " and its limits set no "
                            + "amount in " + shift.size().currency());
                } else if (size.compareTo(max) > 0) {
                    exceeded.add("changes '" + shift.channel() + "' by " + shift.size() + ", above its limit of "
                            + max.toPlainString() + " " + shift.size().currency());
                }
            }
            limit.maxPercentOfAllocation().ifPresent(max -> {
                BigDecimal before = shift.before().amount();
                // A channel that had nothing grows by an unbounded share, above any percentage.
                boolean above = before.signum() == 0
                        ? size.signum() > 0
                        : size.multiply(BigDecimal.valueOf(100)).divide(before, 4, RoundingMode.HALF_EVEN).compareTo(max) > 0;
                if (above) {
                    exceeded.add("changes '" + shift.channel() + "' by more than " + max.toPlainString()
                            + " % of its allocation");
                }
            });
        }
        return new Verdict(exceeded.isEmpty(), exceeded);
    }

    private static Map<Currency, BigDecimal> amountsPerCurrency(String field, Map<Currency, BigDecimal> amounts) {
        Objects.requireNonNull(amounts, field);
        amounts.forEach((currency, amount) -> requireNotNegative(field + "." + currency, amount));
        return Map.copyOf(amounts);
    }

    private static void requireNotNegative(String field, BigDecimal value) {
        Objects.requireNonNull(value, field);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(field + " must not be negative");
        }
    }
}
