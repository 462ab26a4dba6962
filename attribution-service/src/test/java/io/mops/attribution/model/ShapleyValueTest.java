package io.mops.attribution.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShapleyValueTest {

    /** The closed form must reproduce the definition to this, in conversions and in value. */
    static final double AGREEMENT = 1e-9;

    /**
     * v(∅) = 0, v({A}) = 3, v({B}) = 1, v({A,B}) = 3 + 1 + 2 = 6 (the A > B journeys need both channels).
     * φ_A = 1/2·[(v(A) - v(∅)) + (v(AB) - v(B))] = 1/2·(3 + 5) = 4; φ_B = 1/2·[(1 - 0) + (6 - 3)] = 2.
     */
    @Test
    void twoChannelsByTheDefinition() {
        PathSet paths = new PathSet("EUR", List.of(AggregatedPath.of("A", 3, "30", 5),
                AggregatedPath.of("B", 1, "10", 9), AggregatedPath.of("A > B > A", 2, "60", 0)));

        Attribution attribution = new ShapleyValue().credit(paths);

        assertEquals(new BigDecimal("4.0000"), attribution.creditOf("A").conversions());
        assertEquals(new BigDecimal("2.0000"), attribution.creditOf("B").conversions());
        // Value: v(A) = 30, v(B) = 10, v(AB) = 100; φ_A = 1/2·(30 + 90) = 60, φ_B = 1/2·(10 + 70) = 40.
        assertEquals(new BigDecimal("60.0000"), attribution.creditOf("A").value());
        assertEquals(new BigDecimal("40.0000"), attribution.creditOf("B").value());
        assertTrue(attribution.creditOf("A").samplingError().isEmpty());
    }

    /** Channels that always appear together are interchangeable players: they split what they earn equally. */
    @Test
    void channelsThatAlwaysAppearTogetherShareEqually() {
        PathSet paths = new PathSet("EUR", List.of(AggregatedPath.of("search > social > email", 9, "90", 0),
                AggregatedPath.of("email > social > search", 3, "30", 0), AggregatedPath.of("video", 3, "30", 0)));

        Attribution attribution = new ShapleyValue().credit(paths);

        assertEquals(new BigDecimal("4.0000"), attribution.creditOf("search").conversions());
        assertEquals(new BigDecimal("4.0000"), attribution.creditOf("social").conversions());
        assertEquals(new BigDecimal("4.0000"), attribution.creditOf("email").conversions());
        assertEquals(new BigDecimal("3.0000"), attribution.creditOf("video").conversions());
    }

    /**
     * The closed form against the definition, {@code φ_i = Σ_{S ⊆ N∖{i}} |S|! (n-|S|-1)! / n! · (v(S ∪ {i}) - v(S))},
     * with every coalition's worth summed from the paths directly and the sum carried out in exact decimals
     * (conversions are whole, values have two decimals; only the final division by n! rounds, to 34 digits).
     */
    @ParameterizedTest(name = "{0} channels, seed {1}")
    @CsvSource({"1, 1", "2, 2", "3, 3", "4, 4", "5, 5", "6, 6", "7, 7", "8, 8", "9, 9", "10, 10", "10, 11",
            "10, 12"})
    void closedFormEqualsTheShapleyValueSummedOverEveryCoalition(int n, long seed) {
        List<String> channels = IntStream.range(0, n).mapToObj(i -> "ch" + i).toList();
        PathSet paths = RandomPathSets.generate(seed, channels, 300);

        Map<String, double[]> closedForm = new ShapleyValue().shapleyValues(paths);

        Map<String, BigDecimal[]> definition = byCoalitions(paths, channels);
        for (String channel : channels) {
            assertEquals(definition.get(channel)[0].doubleValue(), closedForm.get(channel)[0], AGREEMENT, channel);
            assertEquals(definition.get(channel)[1].doubleValue(), closedForm.get(channel)[1], AGREEMENT, channel);
        }
    }

    /** The same against the other form of the definition: the average marginal worth over all n! join orders. */
    @ParameterizedTest(name = "{0} channels, seed {1}")
    @CsvSource({"3, 21", "5, 22", "7, 23"})
    void closedFormEqualsTheAverageMarginalWorthOverEveryOrder(int n, long seed) {
        List<String> channels = IntStream.range(0, n).mapToObj(i -> "ch" + i).toList();
        PathSet paths = RandomPathSets.generate(seed, channels, 200);

        Map<String, double[]> closedForm = new ShapleyValue().shapleyValues(paths);

        Map<String, BigDecimal[]> definition = byOrders(paths, channels);
        for (String channel : channels) {
            assertEquals(definition.get(channel)[0].doubleValue(), closedForm.get(channel)[0], AGREEMENT, channel);
            assertEquals(definition.get(channel)[1].doubleValue(), closedForm.get(channel)[1], AGREEMENT, channel);
        }
    }

    /**
     * 48 channels, far beyond any enumeration of 2^48 coalitions, in six groups of eight that never share a journey.
     * A game that is the sum of games on disjoint sets of players has, for each player, the Shapley value of its own
     * group's game (additivity; the other groups' players are null players of it), so each group can be brute-forced
     * over its 256 coalitions and the whole compared with the closed form.
     */
    @Test
    void fortyEightChannelsAreExactAgainstABruteForceOfEachIndependentGroup() {
        List<AggregatedPath> lines = new ArrayList<>();
        Map<String, BigDecimal[]> expected = new TreeMap<>();
        for (int group = 0; group < 6; group++) {
            int g = group;
            List<String> channels = IntStream.range(0, 8).mapToObj(i -> "g" + g + "-ch" + i).toList();
            PathSet groupPaths = RandomPathSets.generate(100 + group, channels, 150);
            lines.addAll(groupPaths.paths());
            expected.putAll(byCoalitions(groupPaths, channels));
        }
        PathSet paths = new PathSet("EUR", lines);
        assertEquals(48, paths.channels().size());

        Map<String, double[]> closedForm = new ShapleyValue().shapleyValues(paths);
        Attribution attribution = new ShapleyValue().credit(paths);

        for (String channel : paths.channels()) {
            assertEquals(expected.get(channel)[0].doubleValue(), closedForm.get(channel)[0], AGREEMENT, channel);
            assertEquals(expected.get(channel)[1].doubleValue(), closedForm.get(channel)[1], AGREEMENT, channel);
            assertTrue(attribution.creditOf(channel).samplingError().isEmpty(), channel);
        }
        assertEquals(0, BigDecimal.valueOf(paths.totalConversions()).compareTo(attribution.creditedConversions()));
        assertEquals(0, paths.totalConversionValue().compareTo(attribution.creditedValue()));
    }

    /**
     * No cap on channels: 200 channels in a ring, each path {@code ch_i > ch_i+1} converting {@code i + 1} times for
     * 10.00. Each path's two channels are interchangeable in its unanimity game, so channel i gets half of its own
     * path and half of its predecessor's: (i + 1)/2 + i/2 conversions (ch0: 1/2 + 200/2), and 10.00 of value.
     */
    @Test
    void twoHundredChannelsInARingSplitEachPathBetweenItsTwoChannels() {
        int n = 200;
        List<AggregatedPath> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(AggregatedPath.of(channel(i) + " > " + channel((i + 1) % n), i + 1, "10.00", 3));
        }
        Attribution attribution = new ShapleyValue().credit(new PathSet("EUR", lines));

        for (int i = 0; i < n; i++) {
            double expected = (i + 1) / 2.0 + (i == 0 ? n : i) / 2.0;
            assertEquals(0, BigDecimal.valueOf(expected).compareTo(attribution.creditOf(channel(i)).conversions()),
                    channel(i));
            assertEquals(0, BigDecimal.TEN.compareTo(attribution.creditOf(channel(i)).value()), channel(i));
        }
    }

    private static String channel(int i) {
        return String.format("ch%03d", i);
    }

    /** The set of channels of each path line with conversions, as a bit mask over {@code channels}. */
    private static List<Object[]> converting(PathSet paths, List<String> channels) {
        List<Object[]> sets = new ArrayList<>();
        for (AggregatedPath line : paths.paths()) {
            if (line.conversions() > 0) {
                int mask = 0;
                for (String c : line.path().channels()) {
                    mask |= 1 << channels.indexOf(c);
                }
                sets.add(new Object[]{mask, BigDecimal.valueOf(line.conversions()), line.conversionValue()});
            }
        }
        return sets;
    }

    /** v(S) straight from its definition: the conversions and value of the paths whose channels all lie in S. */
    private static BigDecimal[] worth(int coalition, List<Object[]> sets) {
        BigDecimal conversions = BigDecimal.ZERO;
        BigDecimal value = BigDecimal.ZERO;
        for (Object[] set : sets) {
            if (((int) set[0] & ~coalition) == 0) {
                conversions = conversions.add((BigDecimal) set[1]);
                value = value.add((BigDecimal) set[2]);
            }
        }
        return new BigDecimal[]{conversions, value};
    }

    static Map<String, BigDecimal[]> byCoalitions(PathSet paths, List<String> channels) {
        int n = channels.size();
        List<Object[]> sets = converting(paths, channels);
        BigDecimal[][] worth = new BigDecimal[1 << n][];
        for (int coalition = 0; coalition < 1 << n; coalition++) {
            worth[coalition] = worth(coalition, sets);
        }
        BigInteger nFactorial = factorial(n);
        Map<String, BigDecimal[]> shapley = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            int player = 1 << i;
            BigDecimal conversions = BigDecimal.ZERO;
            BigDecimal value = BigDecimal.ZERO;
            for (int coalition = 0; coalition < 1 << n; coalition++) {
                if ((coalition & player) == 0) {
                    int size = Integer.bitCount(coalition);
                    BigDecimal weight = new BigDecimal(factorial(size).multiply(factorial(n - size - 1)));
                    conversions = conversions.add(weight.multiply(
                            worth[coalition | player][0].subtract(worth[coalition][0])));
                    value = value.add(weight.multiply(worth[coalition | player][1].subtract(worth[coalition][1])));
                }
            }
            BigDecimal divisor = new BigDecimal(nFactorial);
            shapley.put(channels.get(i), new BigDecimal[]{conversions.divide(divisor, MathContext.DECIMAL128),
                    value.divide(divisor, MathContext.DECIMAL128)});
        }
        return shapley;
    }

    static Map<String, BigDecimal[]> byOrders(PathSet paths, List<String> channels) {
        int n = channels.size();
        List<Object[]> sets = converting(paths, channels);
        BigDecimal[][] total = new BigDecimal[n][];
        for (int i = 0; i < n; i++) {
            total[i] = new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO};
        }
        BigDecimal[][] worth = new BigDecimal[1 << n][];
        for (int coalition = 0; coalition < 1 << n; coalition++) {
            worth[coalition] = worth(coalition, sets);
        }
        for (List<Integer> order : permutations(IntStream.range(0, n).boxed().toList())) {
            int coalition = 0;
            BigDecimal[] before = worth[coalition];
            for (int player : order) {
                coalition |= 1 << player;
                BigDecimal[] after = worth[coalition];
                total[player][0] = total[player][0].add(after[0].subtract(before[0]));
                total[player][1] = total[player][1].add(after[1].subtract(before[1]));
                before = after;
            }
        }
        BigDecimal orders = new BigDecimal(factorial(n));
        Map<String, BigDecimal[]> shapley = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            shapley.put(channels.get(i), new BigDecimal[]{total[i][0].divide(orders, MathContext.DECIMAL128),
                    total[i][1].divide(orders, MathContext.DECIMAL128)});
        }
        return shapley;
    }

    private static List<List<Integer>> permutations(List<Integer> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<Integer>> all = new ArrayList<>();
        for (Integer first : items) {
            Set<Integer> rest = new HashSet<>(items);
            rest.remove(first);
            for (List<Integer> tail : permutations(rest.stream().sorted().toList())) {
                List<Integer> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }

    private static BigInteger factorial(int k) {
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= k; i++) {
            f = f.multiply(BigInteger.valueOf(i));
        }
        return f;
    }
}
