package io.mops.budget.optimiser;

import io.mops.budget.curve.SpendResponse;
import io.mops.budget.money.Money;
import io.mops.budget.plan.BudgetRuleViolation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Splits a total across channels to maximise the expected outcome, within each channel's minimum and maximum,
 * the maximum change per move and the locked channels.
 *
 * <p>The split is the global optimum for any mix of concave and S-shaped curves: an exact search on a money grid
 * finds where the optimum lies, and the KKT conditions of the concave problem that leaves make it exact (see
 * {@link SplitSearch}). The split is then put on the currency's minor unit.
 *
 * <p>It never proposes a split its own curves expect to do worse than the current one: when the current split is
 * itself a choice (it spends the total within every guardrail) and the best split's expected gain is not positive,
 * or smaller than {@code minimumGainInStandardErrors} standard errors of that gain, it moves the largest part of the
 * way toward the best split whose own gain clears that bar; only when no part does is the current split kept, and
 * the reallocation says why.
 */
public final class BudgetOptimiser {

    /** Steps part of the way toward the best split are tried in twentieths of the way. */
    private static final int PART_STEPS = 20;

    private final Optional<BigDecimal> maxChangePerMove;
    private final double minimumGainInStandardErrors;

    /** An optimiser that moves money on any positive expected gain, however uncertain. */
    public BudgetOptimiser(Optional<BigDecimal> maxChangePerMove) {
        this(maxChangePerMove, 0);
    }

    /**
     * @param maxChangePerMove the largest share by which one move may raise or cut a channel (0.2 = ±20 %)
     * @param minimumGainInStandardErrors a move must be expected to gain more than this many standard errors of its
     *                                    gain (0: any positive expected gain)
     */
    public BudgetOptimiser(Optional<BigDecimal> maxChangePerMove, double minimumGainInStandardErrors) {
        maxChangePerMove.ifPresent(limit -> {
            if (limit.signum() < 0) {
                throw new BudgetRuleViolation("maxChangePercent", "must not be negative");
            }
        });
        if (!(minimumGainInStandardErrors >= 0)) {
            throw new IllegalArgumentException("minimumGainInStandardErrors must not be negative");
        }
        this.maxChangePerMove = maxChangePerMove;
        this.minimumGainInStandardErrors = minimumGainInStandardErrors;
    }

    public Reallocation optimise(Money total, List<ChannelOption> channels) {
        List<Bounds> bounds = boundsOf(total, channels);
        requireFeasible(total, bounds);

        int n = bounds.size();
        SpendResponse[] responses = new SpendResponse[n];
        double[] low = new double[n];
        double[] high = new double[n];
        for (int i = 0; i < n; i++) {
            responses[i] = bounds.get(i).response();
            low[i] = bounds.get(i).lowValue();
            high[i] = bounds.get(i).highValue();
        }
        double[] spend = new SplitSearch(responses, low, high, total.amount().doubleValue()).best();
        Money[] allocation = toMoney(total, spend, bounds);

        List<ChannelMove> moves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            moves.add(explain(bounds.get(i), allocation[i]));
        }
        return keepUnlessWorthMoving(total, bounds, new Reallocation(total, moves, Optional.empty()));
    }

    private Reallocation keepUnlessWorthMoving(Money total, List<Bounds> bounds, Reallocation best) {
        if (!currentSplitIsAChoice(total, bounds)) {
            return best;
        }
        double gain = best.expectedOutcomeChange();
        double error = best.expectedOutcomeChangeStandardError();
        if (clearsTheBar(best)) {
            return best;
        }
        if (gain > 0) {
            Optional<Reallocation> part = partOfTheWay(total, bounds, best, gain, error);
            if (part.isPresent()) {
                return part.get();
            }
        }
        String reason = gain <= 0
                ? String.format(Locale.ROOT, "no split within the guardrails is expected to do better than the "
                + "current one (best expected change %+.2f); the current split is kept", gain)
                : String.format(Locale.ROOT, "the best split's expected gain %+.2f is less than %s standard "
                + "error(s) of %.2f, too uncertain to move money on; the current split is kept", gain,
                BigDecimal.valueOf(minimumGainInStandardErrors).stripTrailingZeros().toPlainString(), error);
        List<ChannelMove> kept = bounds.stream()
                .map(b -> explain(b, b.option().current(),
                        b.option().locked() ? ChannelMove.Limit.LOCKED : ChannelMove.Limit.KEPT))
                .toList();
        return new Reallocation(total, kept, Optional.of(reason));
    }

    /**
     * The largest part of the way from the current split toward the best one whose own expected gain clears the
     * threshold. On a concave objective the gain of a step grows like {@code 2α − α²} of the whole way's while its
     * standard error grows about linearly in {@code α}, so a shorter step can be confidently worth making when the
     * whole way is not: at a whole-way gain of 0.7 standard errors, about 60 % of the way clears one standard error.
     * Made again at each proposal, such steps approach the best split as fast as the evidence allows, instead of
     * keeping a split the curves already say is worse. Steps are tried on a grid of twentieths of the way.
     */
    private Optional<Reallocation> partOfTheWay(Money total, List<Bounds> bounds, Reallocation best, double gain,
                                                double error) {
        for (int twentieths = PART_STEPS - 1; twentieths >= 1; twentieths--) {
            double share = (double) twentieths / PART_STEPS;
            double[] spend = new double[bounds.size()];
            for (int i = 0; i < spend.length; i++) {
                double before = bounds.get(i).option().current().amount().doubleValue();
                double after = best.moves().get(i).spendAfter().amount().doubleValue();
                spend[i] = before + share * (after - before);
            }
            Money[] allocation = toMoney(total, spend, bounds);
            List<ChannelMove> moves = new ArrayList<>();
            for (int i = 0; i < spend.length; i++) {
                Bounds b = bounds.get(i);
                boolean moved = !allocation[i].equals(b.option().current());
                moves.add(explain(b, allocation[i], moved ? ChannelMove.Limit.PART_OF_THE_WAY
                        : b.option().locked() ? ChannelMove.Limit.LOCKED : ChannelMove.Limit.NONE));
            }
            Reallocation step = new Reallocation(total, moves, Optional.empty());
            if (clearsTheBar(step)) {
                String why = String.format(Locale.ROOT, "the best split's expected gain %+.2f is less than %s "
                                + "standard error(s) of %.2f, so the move goes %d %% of the way there, whose expected "
                                + "gain %+.2f (standard error %.2f) clears that bar", gain,
                        BigDecimal.valueOf(minimumGainInStandardErrors).stripTrailingZeros().toPlainString(), error,
                        100 * twentieths / PART_STEPS, step.expectedOutcomeChange(), step.expectedOutcomeChangeStandardError());
                return Optional.of(new Reallocation(total, moves, Optional.empty(), Optional.of(why)));
            }
        }
        return Optional.empty();
    }

    /** Whether a move's expected gain is positive and beyond the required standard errors of itself. */
    private boolean clearsTheBar(Reallocation move) {
        double gain = move.expectedOutcomeChange();
        return gain > 0 && (minimumGainInStandardErrors == 0
                || gain > minimumGainInStandardErrors * move.expectedOutcomeChangeStandardError());
    }

    /** The current split competes only when it spends exactly the total and keeps every guardrail. */
    private static boolean currentSplitIsAChoice(Money total, List<Bounds> bounds) {
        Money current = Money.sum(bounds.stream().map(b -> b.option().current()).toList(), total.currency());
        return current.equals(total) && bounds.stream().allMatch(b -> !b.option().current().isLessThan(b.low())
                && !b.option().current().isGreaterThan(b.high()));
    }

    /** A channel's feasible range for this move, on the currency's minor-unit grid. */
    private record Bounds(ChannelOption option, Money low, Money high, ChannelMove.Limit lowLimit,
                          ChannelMove.Limit highLimit) {

        SpendResponse response() {
            return option.response();
        }

        double lowValue() {
            return low.amount().doubleValue();
        }

        double highValue() {
            return high.amount().doubleValue();
        }
    }

    private List<Bounds> boundsOf(Money total, List<ChannelOption> channels) {
        if (channels.isEmpty()) {
            throw new BudgetRuleViolation("channels", "there must be at least one channel to allocate to");
        }
        Set<String> seen = new HashSet<>();
        List<Bounds> bounds = new ArrayList<>();
        for (ChannelOption option : channels) {
            String field = "channels." + option.channel();
            if (!seen.add(option.channel())) {
                throw new BudgetRuleViolation(field, "appears more than once");
            }
            requireCurrency(field, total, option.current());
            requireCurrency(field, total, option.minimum());
            option.maximum().ifPresent(max -> requireCurrency(field, total, max));
            if (option.current().isNegative() || option.minimum().isNegative()) {
                throw new BudgetRuleViolation(field, "spend and minimum must not be negative");
            }
            if (option.maximum().filter(max -> max.isLessThan(option.minimum())).isPresent()) {
                throw new BudgetRuleViolation(field, "maximum must not be below minimum");
            }
            if (option.locked()) {
                bounds.add(new Bounds(option, option.current(), option.current(), ChannelMove.Limit.LOCKED,
                        ChannelMove.Limit.LOCKED));
                continue;
            }
            Money low = option.minimum();
            ChannelMove.Limit lowLimit = ChannelMove.Limit.AT_MINIMUM;
            Money high = option.maximum().orElse(total).max(low);
            ChannelMove.Limit highLimit = ChannelMove.Limit.AT_MAXIMUM;
            if (maxChangePerMove.isPresent()) {
                BigDecimal limit = maxChangePerMove.get();
                Money floor = scaled(option.current(), BigDecimal.ONE.subtract(limit).max(BigDecimal.ZERO), RoundingMode.CEILING);
                Money ceiling = scaled(option.current(), BigDecimal.ONE.add(limit), RoundingMode.FLOOR);
                if (floor.isGreaterThan(low)) {
                    low = floor;
                    lowLimit = ChannelMove.Limit.AT_MAX_DECREASE;
                }
                if (ceiling.isLessThan(high)) {
                    high = ceiling;
                    highLimit = ChannelMove.Limit.AT_MAX_INCREASE;
                }
            }
            if (low.isGreaterThan(high)) {
                throw new BudgetRuleViolation(field, "its minimum " + option.minimum() + " cannot be reached from "
                        + option.current() + " within the maximum change per move");
            }
            bounds.add(new Bounds(option, low, high, lowLimit, highLimit));
        }
        return bounds;
    }

    private static void requireFeasible(Money total, List<Bounds> bounds) {
        Money lowest = Money.sum(bounds.stream().map(Bounds::low).toList(), total.currency());
        Money highest = Money.sum(bounds.stream().map(Bounds::high).toList(), total.currency());
        if (lowest.isGreaterThan(total)) {
            throw new BudgetRuleViolation("total", "the channels' minimums, locks and maximum cuts need " + lowest
                    + ", more than the total of " + total);
        }
        if (highest.isLessThan(total)) {
            throw new BudgetRuleViolation("total", "the channels' maximums, locks and maximum raises allow only "
                    + highest + " of the total of " + total);
        }
    }

    /**
     * Rounds down to the minor unit, then hands the left-over units to the best marginal returns, so that the
     * allocations add up to the total exactly and never leave their bounds.
     */
    private static Money[] toMoney(Money total, double[] spend, List<Bounds> bounds) {
        Money[] allocation = new Money[spend.length];
        for (int i = 0; i < spend.length; i++) {
            Bounds b = bounds.get(i);
            Money floor = scaled(new BigDecimal(spend[i]), total, RoundingMode.FLOOR);
            allocation[i] = floor.isLessThan(b.low()) ? b.low() : floor.isGreaterThan(b.high()) ? b.high() : floor;
        }
        Money left = total.minus(Money.sum(List.of(allocation), total.currency()));
        // Rounding only ever moves down, so nothing is over-allocated; this guards the invariant all the same.
        if (left.isNegative()) {
            throw new IllegalStateException("allocations exceed the total by " + Money.zero(total.currency()).minus(left));
        }
        List<Integer> byMargin = new ArrayList<>();
        for (int i = 0; i < spend.length; i++) {
            byMargin.add(i);
        }
        Money[] current = allocation;
        byMargin.sort(Comparator.comparingDouble(
                (Integer i) -> bounds.get(i).response().marginalReturn(current[i].amount().doubleValue())).reversed());
        for (int i : byMargin) {
            if (!left.isGreaterThan(Money.zero(total.currency()))) {
                break;
            }
            Money room = bounds.get(i).high().minus(allocation[i]);
            Money given = room.isLessThan(left) ? room : left;
            allocation[i] = allocation[i].plus(given);
            left = left.minus(given);
        }
        return allocation;
    }

    private static ChannelMove explain(Bounds b, Money after) {
        ChannelMove.Limit limit = ChannelMove.Limit.NONE;
        if (b.option().locked()) {
            limit = ChannelMove.Limit.LOCKED;
        } else if (after.equals(b.high())) {
            limit = b.highLimit();
        } else if (after.equals(b.low())) {
            limit = b.lowLimit();
        }
        return explain(b, after, limit);
    }

    private static ChannelMove explain(Bounds b, Money after, ChannelMove.Limit limit) {
        ChannelOption option = b.option();
        SpendResponse response = b.response();
        double before = option.current().amount().doubleValue();
        double now = after.amount().doubleValue();
        double outcomeBefore = response.outcome(before);
        double outcomeAfter = response.outcome(now);
        return new ChannelMove(option.channel(), option.current(), after, response.marginalReturn(before),
                response.marginalReturn(now), outcomeBefore, outcomeAfter, outcomeAfter - outcomeBefore,
                response.outcomeChangeStandardError(before, now), limit);
    }

    private static Money scaled(Money amount, BigDecimal factor, RoundingMode rounding) {
        return scaled(amount.amount().multiply(factor), amount, rounding);
    }

    private static Money scaled(BigDecimal amount, Money like, RoundingMode rounding) {
        return Money.of(amount.setScale(like.amount().scale(), rounding), like.currency());
    }

    private static void requireCurrency(String field, Money total, Money amount) {
        if (!amount.currency().equals(total.currency())) {
            throw new BudgetRuleViolation(field, "is in " + amount.currencyCode() + " but the total is in "
                    + total.currencyCode() + "; currencies are never converted");
        }
    }
}
