package io.mops.attribution.model;

import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.hipparchus.util.CombinatoricsUtils;
import org.hipparchus.util.MathArrays;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The "simplified" Shapley value of Zhao et al. (2018): channels are players of a cooperative game whose worth
 * {@code v(S)} is the conversions (or value) of the journeys whose set of channels lies within {@code S}; each
 * channel is credited its average marginal worth over all orders in which the channels could join. Order and
 * repetition within a journey do not matter, and paths that never converted contribute nothing.
 * <p>
 * Up to {@value #EXACT_UP_TO_CHANNELS} channels the value is computed exactly over all {@code 2^n} coalitions;
 * beyond that it is estimated from a seeded sample of random channel orders, with its standard error.
 */
public final class ShapleyValue implements AttributionModel {

    public static final String NAME = "shapley";
    public static final int EXACT_UP_TO_CHANNELS = 15;
    /** Coalitions are bit masks of a {@code long}. */
    public static final int MAX_CHANNELS = 63;
    public static final int DEFAULT_PERMUTATIONS = 10_000;
    public static final long DEFAULT_SEED = 2018L;

    private final int permutations;
    private final long seed;

    public ShapleyValue() {
        this(DEFAULT_PERMUTATIONS, DEFAULT_SEED);
    }

    /** The sample used above {@value #EXACT_UP_TO_CHANNELS} channels: {@code permutations} orders drawn from {@code seed}. */
    public ShapleyValue(int permutations, long seed) {
        if (permutations < 2) {
            throw new AttributionInputException("Shapley sampling needs at least 2 permutations");
        }
        this.permutations = permutations;
        this.seed = seed;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Attribution credit(PathSet paths) {
        List<String> channels = new ArrayList<>(paths.channels());
        if (channels.size() > MAX_CHANNELS) {
            throw new AttributionInputException("shapley handles at most " + MAX_CHANNELS + " channels, the paths name "
                    + channels.size());
        }
        Map<String, Integer> bit = new HashMap<>();
        for (int i = 0; i < channels.size(); i++) {
            bit.put(channels.get(i), i);
        }
        // The game is the sum of one "unanimity" game per channel set: a set's conversions count for every
        // coalition that contains all of its channels.
        Map<Long, double[]> conversionsBySet = new HashMap<>();
        for (AggregatedPath line : paths.paths()) {
            if (line.conversions() == 0) {
                continue;
            }
            long set = 0;
            for (String channel : line.path().channels()) {
                set |= 1L << bit.get(channel);
            }
            double[] worth = conversionsBySet.computeIfAbsent(set, s -> new double[2]);
            worth[0] += line.conversions();
            worth[1] += line.conversionValue().doubleValue();
        }
        return channels.size() <= EXACT_UP_TO_CHANNELS
                ? exact(paths, channels, conversionsBySet)
                : sampled(paths, channels, conversionsBySet);
    }

    /**
     * {@code φ_i = Σ_{S ⊆ N∖{i}} |S|! (n-|S|-1)! / n! · (v(S ∪ {i}) - v(S))}, with {@code v} tabulated for every
     * coalition by a sum over subsets (zeta transform) in {@code O(n 2^n)}.
     */
    private Attribution exact(PathSet paths, List<String> channels, Map<Long, double[]> conversionsBySet) {
        int n = channels.size();
        int coalitions = 1 << n;
        double[] conversions = new double[coalitions];
        double[] value = new double[coalitions];
        conversionsBySet.forEach((set, worth) -> {
            conversions[set.intValue()] += worth[0];
            value[set.intValue()] += worth[1];
        });
        for (int i = 0; i < n; i++) {
            int player = 1 << i;
            for (int coalition = 0; coalition < coalitions; coalition++) {
                if ((coalition & player) != 0) {
                    conversions[coalition] += conversions[coalition ^ player];
                    value[coalition] += value[coalition ^ player];
                }
            }
        }
        double[] weightBySize = new double[Math.max(n, 1)];
        for (int size = 0; size < n; size++) {
            weightBySize[size] = 1 / (n * CombinatoricsUtils.binomialCoefficientDouble(n - 1, size));
        }
        CreditLedger ledger = new CreditLedger();
        for (int i = 0; i < n; i++) {
            int player = 1 << i;
            double creditedConversions = 0;
            double creditedValue = 0;
            for (int coalition = 0; coalition < coalitions; coalition++) {
                if ((coalition & player) == 0) {
                    double weight = weightBySize[Integer.bitCount(coalition)];
                    creditedConversions += weight * (conversions[coalition | player] - conversions[coalition]);
                    creditedValue += weight * (value[coalition | player] - value[coalition]);
                }
            }
            ledger.credit(channels.get(i), creditedConversions, creditedValue);
        }
        return ledger.toAttribution(name(), paths);
    }

    /**
     * Averages the marginal worths over random orders of the channels. In one order, a channel set's conversions are
     * the marginal worth of whichever of its channels joins last, so each order costs one pass over the channel sets.
     * Every order's marginal worths add up to {@code v(N)}, so the estimate is efficient exactly, not only on average.
     */
    private Attribution sampled(PathSet paths, List<String> channels, Map<Long, double[]> conversionsBySet) {
        int n = channels.size();
        long[] sets = new long[conversionsBySet.size()];
        double[][] worths = new double[sets.length][];
        int k = 0;
        for (Map.Entry<Long, double[]> entry : conversionsBySet.entrySet()) {
            sets[k] = entry.getKey();
            worths[k++] = entry.getValue();
        }
        RandomGenerator random = new Well19937c(seed);
        int[] order = MathArrays.natural(n);
        int[] joinsAt = new int[n];
        RunningMoments[] conversions = RunningMoments.array(n);
        RunningMoments[] value = RunningMoments.array(n);
        double[] marginalConversions = new double[n];
        double[] marginalValue = new double[n];
        for (int p = 0; p < permutations; p++) {
            MathArrays.shuffle(order, random);
            for (int position = 0; position < n; position++) {
                joinsAt[order[position]] = position;
            }
            Arrays.fill(marginalConversions, 0);
            Arrays.fill(marginalValue, 0);
            for (int s = 0; s < sets.length; s++) {
                int last = lastToJoin(sets[s], joinsAt);
                marginalConversions[last] += worths[s][0];
                marginalValue[last] += worths[s][1];
            }
            for (int i = 0; i < n; i++) {
                conversions[i].add(marginalConversions[i]);
                value[i].add(marginalValue[i]);
            }
        }
        CreditLedger ledger = new CreditLedger();
        for (int i = 0; i < n; i++) {
            ledger.credit(channels.get(i), conversions[i].mean(), value[i].mean());
        }
        Attribution rounded = ledger.toAttribution(name(), paths);
        List<ChannelCredit> withErrors = new ArrayList<>();
        for (ChannelCredit credit : rounded.channels()) {
            int i = channels.indexOf(credit.channel());
            withErrors.add(new ChannelCredit(credit.channel(), credit.conversions(), credit.value(),
                    Optional.of(new ChannelCredit.SamplingError(conversions[i].standardErrorOfMean(),
                            value[i].standardErrorOfMean(), permutations))));
        }
        return new Attribution(rounded.model(), rounded.currency(), rounded.totalConversions(),
                rounded.totalConversionValue(), withErrors, rounded.campaigns());
    }

    private static int lastToJoin(long set, int[] joinsAt) {
        int last = -1;
        int latest = -1;
        for (long rest = set; rest != 0; rest &= rest - 1) {
            int player = Long.numberOfTrailingZeros(rest);
            if (joinsAt[player] > latest) {
                latest = joinsAt[player];
                last = player;
            }
        }
        return last;
    }

    /** Welford's running mean and variance; a handful of lines that spare a dependency on a statistics module. */
    private static final class RunningMoments {
        private long count;
        private double mean;
        private double sumOfSquares;

        static RunningMoments[] array(int size) {
            RunningMoments[] moments = new RunningMoments[size];
            for (int i = 0; i < size; i++) {
                moments[i] = new RunningMoments();
            }
            return moments;
        }

        void add(double x) {
            count++;
            double delta = x - mean;
            mean += delta / count;
            sumOfSquares += delta * (x - mean);
        }

        double mean() {
            return mean;
        }

        double standardErrorOfMean() {
            return Math.sqrt(sumOfSquares / (count - 1) / count);
        }
    }
}
