package io.mops.budget.optimiser;

import io.mops.budget.curve.SpendResponse;
import io.mops.budget.money.Money;
import io.mops.budget.plan.BudgetRuleViolation;
import org.hipparchus.analysis.solvers.BrentSolver;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Splits a total across channels to maximise the expected outcome, within each channel's minimum and maximum,
 * the maximum change per move and the locked channels.
 *
 * <p>At the optimum of a concave problem every channel that is not held by a guardrail earns the same marginal
 * return μ (the KKT conditions). The optimiser searches μ by bisection; for each μ a channel takes the spend
 * where its marginal return falls to μ (Brent's method on the concave part of its curve), clamped to its
 * bounds; the μ at which the channels' spends add up to the total is the answer. For S-shaped curves a channel
 * below its inflection point either stays at its lower bound or jumps into the concave part, whichever earns
 * more at that μ; the few units such a jump leaves over go greedily to the best marginal returns.
 */
public final class BudgetOptimiser {

    private static final int BISECTIONS = 200;
    private static final int MAX_EVALUATIONS = 500;

    private final Optional<BigDecimal> maxChangePerMove;

    /** @param maxChangePerMove the largest share by which one move may raise or cut a channel (0.2 = ±20 %) */
    public BudgetOptimiser(Optional<BigDecimal> maxChangePerMove) {
        maxChangePerMove.ifPresent(limit -> {
            if (limit.signum() < 0) {
                throw new BudgetRuleViolation("maxChangePercent", "must not be negative");
            }
        });
        this.maxChangePerMove = maxChangePerMove;
    }

    public Reallocation optimise(Money total, List<ChannelOption> channels) {
        List<Bounds> bounds = boundsOf(total, channels);
        requireFeasible(total, bounds);

        double[] spend = balanceMarginalReturns(total.amount().doubleValue(), bounds);
        Money[] allocation = toMoney(total, spend, bounds);

        List<ChannelMove> moves = new ArrayList<>();
        for (int i = 0; i < bounds.size(); i++) {
            moves.add(explain(bounds.get(i), allocation[i]));
        }
        return new Reallocation(total, moves);
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

    private static double[] balanceMarginalReturns(double total, List<Bounds> bounds) {
        double cheap = 0;
        double dear = 1;
        for (int i = 0; i < 2_000 && sum(spendAt(dear, bounds)) > total; i++) {
            cheap = dear;
            dear *= 2;
        }
        for (int i = 0; i < BISECTIONS && dear - cheap > 1e-15 * dear; i++) {
            double mid = (cheap + dear) / 2;
            if (sum(spendAt(mid, bounds)) > total) {
                cheap = mid;
            } else {
                dear = mid;
            }
        }
        // At the dearer μ the channels never take more than the total; hand them what is left at their best margins.
        double[] spend = spendAt(dear, bounds);
        fillGreedily(spend, total - sum(spend), bounds);
        return spend;
    }

    private static double[] spendAt(double marginalReturn, List<Bounds> bounds) {
        double[] spend = new double[bounds.size()];
        for (int i = 0; i < spend.length; i++) {
            spend[i] = bestResponse(bounds.get(i), marginalReturn);
        }
        return spend;
    }

    /** The spend in the channel's bounds that maximises {@code outcome(x) - μ·x}. */
    private static double bestResponse(Bounds b, double mu) {
        double low = b.lowValue();
        double high = b.highValue();
        if (low >= high) {
            return low;
        }
        SpendResponse response = b.response();
        double concaveStart = Math.max(low, Math.min(high, response.concaveFrom()));
        if (Double.isInfinite(response.marginalReturn(concaveStart))) {
            // A curve with shape below 1 is infinitely steep at zero; the root finder needs finite values.
            concaveStart = Math.min(high, concaveStart + 1e-9 * Math.max(1, high));
        }
        double x;
        if (response.marginalReturn(concaveStart) <= mu) {
            x = concaveStart;
        } else if (response.marginalReturn(high) >= mu) {
            x = high;
        } else {
            BrentSolver solver = new BrentSolver(1e-14, 1e-9 * Math.max(1, high));
            x = solver.solve(MAX_EVALUATIONS, s -> response.marginalReturn(s) - mu, concaveStart, high);
        }
        // Below the inflection point the curve is convex: the best there is an end, never a point in between.
        if (concaveStart > low && response.outcome(low) - mu * low > response.outcome(x) - mu * x) {
            return low;
        }
        return x;
    }

    private static void fillGreedily(double[] spend, double remaining, List<Bounds> bounds) {
        while (remaining > 1e-9) {
            int best = -1;
            for (int i = 0; i < spend.length; i++) {
                if (spend[i] < bounds.get(i).highValue() && (best < 0
                        || bounds.get(i).response().marginalReturn(spend[i])
                        > bounds.get(best).response().marginalReturn(spend[best]))) {
                    best = i;
                }
            }
            if (best < 0) {
                return;
            }
            double given = Math.min(remaining, bounds.get(best).highValue() - spend[best]);
            spend[best] += given;
            remaining -= given;
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
        ChannelOption option = b.option();
        SpendResponse response = b.response();
        double before = option.current().amount().doubleValue();
        double now = after.amount().doubleValue();
        double outcomeBefore = response.outcome(before);
        double outcomeAfter = response.outcome(now);
        ChannelMove.Limit limit = ChannelMove.Limit.NONE;
        if (option.locked()) {
            limit = ChannelMove.Limit.LOCKED;
        } else if (after.equals(b.high())) {
            limit = b.highLimit();
        } else if (after.equals(b.low())) {
            limit = b.lowLimit();
        }
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

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
