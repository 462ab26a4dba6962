package io.mops.budget.reallocation;

import io.mops.budget.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A designed, bounded variation of spend for channels whose response curve the data cannot pin down: spend that
 * only drifts by a few percent around one level tells a curve where the channel is, never how fast its return falls
 * (see {@code Identifiability}). The explored channels are split into two groups of about equal allocation (one
 * explored channel is set against all the others), and the plan's allocations alternate between
 * {@code base + swing} and {@code base − swing} for {@code phases} phases, then return to {@code base}; the swings of
 * the two groups cancel, so the plan's total and its split between explored and other money never change.
 *
 * <p>Each channel's swing is the same share of its allocation within its group, at most {@code amplitude}, and the
 * money at stake — what one group gains in a phase — at most {@code maxShareOfTotal} of the plan's total. No channel
 * is ever taken below its floor (what its campaigns hold).
 *
 * @param explored the channels whose curves this exploration is to make identifiable
 * @param base     each varied channel's allocation before the exploration
 * @param swing    each varied channel's signed change in a "+" phase; the swings add up to zero
 * @param phases   alternating phases before the return to {@code base}
 */
public record SpendExploration(List<String> explored, Map<String, Money> base, Map<String, Money> swing,
                               int phases) {

    public SpendExploration {
        explored = List.copyOf(explored);
        base = Map.copyOf(base);
        swing = Map.copyOf(swing);
        if (phases < 1) {
            throw new IllegalArgumentException("an exploration needs at least one phase");
        }
        if (!base.keySet().equals(swing.keySet())) {
            throw new IllegalArgumentException("every varied channel needs a base and a swing");
        }
    }

    /** The bounds the CoE sets on every exploration. */
    public record Limits(double amplitude, double maxShareOfTotal, int phases) {

        public Limits {
            if (!(amplitude > 0 && amplitude < 1)) {
                throw new IllegalArgumentException("the exploration amplitude must be between 0 and 1");
            }
            if (!(maxShareOfTotal > 0 && maxShareOfTotal <= 1)) {
                throw new IllegalArgumentException("the exploration's share of the total must be in (0, 1]");
            }
            if (phases < 1) {
                throw new IllegalArgumentException("an exploration needs at least one phase");
            }
        }
    }

    /**
     * Designs the exploration of {@code explored} from the current allocations, or nothing when no money can be
     * varied (no explored channel holds money, nothing to set a single explored channel against, or the floors
     * leave no room).
     *
     * @param floors per channel, the least its allocation may ever hold (absent: zero)
     */
    public static Optional<SpendExploration> design(Map<String, Money> allocations, Map<String, Money> floors,
                                                    Set<String> explored, Money total, Limits limits) {
        Currency currency = total.currency();
        List<String> varied = explored.stream().filter(c -> positive(allocations.get(c))).sorted().toList();
        if (varied.isEmpty()) {
            return Optional.empty();
        }
        List<String> up = new ArrayList<>();
        List<String> down = new ArrayList<>();
        if (varied.size() == 1) {
            up.add(varied.get(0));
            allocations.keySet().stream().filter(c -> !varied.contains(c) && positive(allocations.get(c))).sorted()
                    .forEach(down::add);
        } else {
            // Largest first into the lighter group: two groups of about equal money, so both vary about as much.
            BigDecimal upSum = BigDecimal.ZERO;
            BigDecimal downSum = BigDecimal.ZERO;
            for (String channel : varied.stream()
                    .sorted(Comparator.comparing((String c) -> allocations.get(c).amount()).reversed()
                            .thenComparing(Comparator.naturalOrder())).toList()) {
                if (upSum.compareTo(downSum) <= 0) {
                    up.add(channel);
                    upSum = upSum.add(allocations.get(channel).amount());
                } else {
                    down.add(channel);
                    downSum = downSum.add(allocations.get(channel).amount());
                }
            }
        }
        if (down.isEmpty()) {
            return Optional.empty();
        }
        double upSum = sum(up, allocations);
        double downSum = sum(down, allocations);
        double atStake = Math.min(limits.amplitude() * Math.min(upSum, downSum),
                limits.maxShareOfTotal() * total.amount().doubleValue());
        for (String channel : up) {
            atStake = Math.min(atStake, room(channel, allocations, floors) * upSum / amount(allocations, channel));
        }
        for (String channel : down) {
            atStake = Math.min(atStake, room(channel, allocations, floors) * downSum / amount(allocations, channel));
        }
        Map<String, Money> swing = new LinkedHashMap<>();
        BigDecimal raised = BigDecimal.ZERO;
        for (String channel : up) {
            BigDecimal change = floorToUnit(atStake * amount(allocations, channel) / upSum, currency);
            swing.put(channel, Money.of(change, currency));
            raised = raised.add(change);
        }
        if (raised.signum() <= 0) {
            return Optional.empty();
        }
        // The cut side gets exactly what the raised side gains, so the total never moves; the cent left by rounding
        // goes to the largest channel of the cut side, whose room was checked with the unrounded share.
        BigDecimal cut = BigDecimal.ZERO;
        String largest = down.stream().max(Comparator.comparing((String c) -> allocations.get(c).amount())
                .thenComparing(Comparator.reverseOrder())).orElseThrow();
        for (String channel : down) {
            BigDecimal change = floorToUnit(raised.doubleValue() * amount(allocations, channel) / downSum, currency);
            swing.put(channel, Money.of(change.negate(), currency));
            cut = cut.add(change);
        }
        BigDecimal leftover = raised.subtract(cut);
        swing.put(largest, swing.get(largest).minus(Money.of(leftover, currency)));
        Map<String, Money> base = new LinkedHashMap<>();
        swing.keySet().forEach(c -> base.put(c, allocations.get(c)));
        for (String channel : swing.keySet()) {
            Money low = base.get(channel).minus(abs(swing.get(channel)));
            if (low.isLessThan(Optional.ofNullable(floors.get(channel)).orElse(Money.zero(currency)))) {
                return Optional.empty();
            }
        }
        return Optional.of(new SpendExploration(varied, base, swing, limits.phases()));
    }

    /** The phases plus the return to the base allocations. */
    public int steps() {
        return phases + 1;
    }

    /** +1 in odd phases, −1 in even ones, 0 at the return (the last step). */
    public int sign(int step) {
        if (step < 1 || step > steps()) {
            throw new IllegalArgumentException("step " + step + " is outside 1.." + steps());
        }
        return step == steps() ? 0 : (step % 2 == 1 ? 1 : -1);
    }

    /** The varied channels' allocations during {@code step}. */
    public Map<String, Money> allocationsAt(int step) {
        int sign = sign(step);
        Map<String, Money> at = new LinkedHashMap<>();
        base.forEach((channel, amount) -> at.put(channel, sign > 0 ? amount.plus(swing.get(channel))
                : sign < 0 ? amount.minus(swing.get(channel)) : amount));
        return at;
    }

    /** The move that takes the varied channels from the allocations of {@code step − 1} to those of {@code step}. */
    public BudgetMove move(int step, Money planTotal) {
        Map<String, Money> from = step == 1 ? base : allocationsAt(step - 1);
        Map<String, Money> to = allocationsAt(step);
        return new BudgetMove(planTotal, base.keySet().stream().sorted()
                .map(c -> new ChannelShift(c, from.get(c), to.get(c))).toList());
    }

    /** What one side gains in a phase: the money at stake. */
    public Money atStake() {
        Currency currency = swing.values().iterator().next().currency();
        return Money.sum(swing.values().stream().filter(s -> !s.isNegative()).toList(), currency);
    }

    /** The largest relative change of any varied channel's allocation, as a share of its base. */
    public double largestRelativeSwing() {
        return base.keySet().stream().mapToDouble(c -> abs(swing.get(c)).amount().doubleValue()
                / base.get(c).amount().doubleValue()).max().orElse(0);
    }

    /** Rebuilds an exploration from its first step: what each varied channel held before it and after it. */
    public static SpendExploration fromFirstStep(List<String> explored, List<ChannelShift> firstStep, int phases) {
        Map<String, Money> base = new LinkedHashMap<>();
        Map<String, Money> swing = new LinkedHashMap<>();
        for (ChannelShift shift : firstStep) {
            base.put(shift.channel(), shift.before());
            swing.put(shift.channel(), shift.change());
        }
        return new SpendExploration(explored, base, swing, phases);
    }

    private static boolean positive(Money money) {
        return money != null && money.amount().signum() > 0;
    }

    private static double amount(Map<String, Money> allocations, String channel) {
        return allocations.get(channel).amount().doubleValue();
    }

    private static double sum(List<String> channels, Map<String, Money> allocations) {
        return channels.stream().mapToDouble(c -> amount(allocations, c)).sum();
    }

    private static double room(String channel, Map<String, Money> allocations, Map<String, Money> floors) {
        Money floor = Objects.requireNonNullElse(floors.get(channel), Money.zero(allocations.get(channel).currency()));
        return Math.max(0, allocations.get(channel).minus(floor).amount().doubleValue());
    }

    /** Down to the currency's unit, after rounding away floating-point noise (1,469.9999999999998 is 1,470.00). */
    private static BigDecimal floorToUnit(double value, Currency currency) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN)
                .setScale(Math.max(0, currency.getDefaultFractionDigits()), RoundingMode.FLOOR);
    }

    private static Money abs(Money money) {
        return money.isNegative() ? Money.zero(money.currency()).minus(money) : money;
    }
}
