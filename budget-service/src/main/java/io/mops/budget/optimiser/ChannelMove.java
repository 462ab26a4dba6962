package io.mops.budget.optimiser;

import io.mops.budget.money.Money;

/**
 * The explanation of one channel's part in a reallocation.
 *
 * @param marginalReturnBefore outcome per extra unit of spend at the current spend
 * @param outcomeChangeStandardError uncertainty of {@code outcomeChange}, from the curve fit's parameter covariance
 * @param limit what stopped the channel from moving further, if anything
 */
public record ChannelMove(String channel, Money spendBefore, Money spendAfter, double marginalReturnBefore,
                          double marginalReturnAfter, double outcomeBefore, double outcomeAfter, double outcomeChange,
                          double outcomeChangeStandardError, Limit limit) {

    public enum Limit {
        /** Marginal returns balanced before any guardrail was reached. */
        NONE,
        LOCKED,
        AT_MINIMUM,
        AT_MAXIMUM,
        AT_MAX_DECREASE,
        AT_MAX_INCREASE,
        /** The whole proposal keeps the current split: the best split was not expected to gain enough (see the reason). */
        KEPT,
        /**
         * The channel moved only part of the way toward its best allocation: the whole way was too uncertain to
         * gain enough, the part taken is not (see the proposal's reason).
         */
        PART_OF_THE_WAY
    }

    public Money change() {
        return spendAfter.minus(spendBefore);
    }
}
