package io.mops.attribution.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShapleyValueTest {

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
     * This v is a sum of unanimity games, one per channel set T with the conversions R(T) of journeys over exactly
     * T, so φ_i = Σ_{T ∋ i} R(T) / |T| (Zhao et al. 2018). The subset-sum computation must agree with it.
     */
    @Test
    void exactValuesAgreeWithTheUnanimityDecomposition() {
        List<String> channels = IntStream.range(0, 12).mapToObj(i -> "ch" + i).toList();
        PathSet paths = RandomPathSets.generate(42, channels, 300);

        Attribution attribution = new ShapleyValue().credit(paths);

        Map<String, Double> expected = unanimityShapley(paths);
        for (String channel : channels) {
            assertEquals(expected.get(channel), attribution.creditOf(channel).conversions().doubleValue(), 1e-4,
                    channel);
        }
    }

    /**
     * Above 15 channels the value is sampled. With 10,000 permutations every channel's estimate lies within four
     * standard errors of the exact value, and the reported standard error is the one of the estimate.
     */
    @Test
    void aboveFifteenChannelsTheSampledEstimateIsWithinFourStandardErrors() {
        List<String> channels = IntStream.range(0, 20).mapToObj(i -> String.format("ch%02d", i)).toList();
        PathSet paths = RandomPathSets.generate(7, channels, 400);

        Attribution attribution = new ShapleyValue(10_000, 99).credit(paths);

        Map<String, Double> exact = unanimityShapley(paths);
        for (String channel : channels) {
            ChannelCredit credit = attribution.creditOf(channel);
            ChannelCredit.SamplingError error = credit.samplingError().orElseThrow();
            assertEquals(10_000, error.permutations());
            assertTrue(error.conversions() > 0, channel);
            assertEquals(exact.get(channel), credit.conversions().doubleValue(), 4 * error.conversions() + 1e-4, channel);
        }
        assertEquals(0, BigDecimal.valueOf(paths.totalConversions()).compareTo(attribution.creditedConversions()));
    }

    @Test
    void theSampledEstimateIsReproducibleFromItsSeed() {
        List<String> channels = IntStream.range(0, 17).mapToObj(i -> "ch" + i).toList();
        PathSet paths = RandomPathSets.generate(3, channels, 100);

        assertEquals(new ShapleyValue(500, 5).credit(paths), new ShapleyValue(500, 5).credit(paths));
    }

    static Map<String, Double> unanimityShapley(PathSet paths) {
        Map<String, Double> shapley = new TreeMap<>();
        for (AggregatedPath line : paths.paths()) {
            List<String> set = new ArrayList<>(new TreeSet<>(line.path().channels()));
            for (String channel : set) {
                shapley.merge(channel, (double) line.conversions() / set.size(), Double::sum);
            }
        }
        return shapley;
    }
}
