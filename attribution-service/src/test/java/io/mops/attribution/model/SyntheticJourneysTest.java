package io.mops.attribution.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The models recover the true channel contributions of seeded synthetic journeys. Tolerance: each channel's share
 * of the credit within 0.01 of the true share (about three standard errors at these sample sizes).
 */
class SyntheticJourneysTest {

    static final double SHARE_TOLERANCE = 0.01;

    /**
     * The chain (acyclic, so everything has a closed form):
     * <pre>
     *   start → A 0.5, B 0.3, C 0.2
     *   A → B 0.3, conversion 0.2, null 0.5
     *   B → C 0.4, conversion 0.1, null 0.5
     *   C → conversion 0.3, null 0.7
     * </pre>
     * Conversion probabilities: x_C = 0.3; x_B = 0.4·0.3 + 0.1 = 0.22; x_A = 0.3·0.22 + 0.2 = 0.266;
     * P = 0.5·0.266 + 0.3·0.22 + 0.2·0.3 = 0.259.
     * Without A: P = 0.3·0.22 + 0.2·0.3 = 0.126. Without B: x_A = 0.2, P = 0.5·0.2 + 0.2·0.3 = 0.16.
     * Without C: x_B = 0.1, x_A = 0.23, P = 0.5·0.23 + 0.3·0.1 = 0.145.
     * True removal effects 1 - P_without / P: A 0.5135, B 0.3822, C 0.4402.
     */
    @Test
    void markovRecoversTheRemovalEffectsOfTheChainThatGeneratedTheJourneys() {
        Map<String, Map<String, Double>> chain = new LinkedHashMap<>();
        chain.put("start", Map.of("A", 0.5, "B", 0.3, "C", 0.2));
        chain.put("A", Map.of("B", 0.3, "conversion", 0.2, "null", 0.5));
        chain.put("B", Map.of("C", 0.4, "conversion", 0.1, "null", 0.5));
        chain.put("C", Map.of("conversion", 0.3, "null", 0.7));
        PathSet journeys = SyntheticJourneys.markovWalks(chain, 200_000, new BigDecimal("25"), 11);

        Attribution attribution = new MarkovRemovalEffect(1).credit(journeys);

        double p = 0.259;
        Map<String, Double> removalEffect = Map.of("A", 1 - 0.126 / p, "B", 1 - 0.16 / p, "C", 1 - 0.145 / p);
        double sum = removalEffect.values().stream().mapToDouble(Double::doubleValue).sum();
        double total = attribution.creditedConversions().doubleValue();
        assertEquals(p, total / 200_000, 0.005);
        for (String channel : List.of("A", "B", "C")) {
            assertEquals(removalEffect.get(channel) / sum, attribution.creditOf(channel).conversions().doubleValue() / total,
                    SHARE_TOLERANCE, channel);
            assertEquals(removalEffect.get(channel) / sum,
                    attribution.creditOf(channel).value().doubleValue() / attribution.creditedValue().doubleValue(),
                    SHARE_TOLERANCE, channel);
        }
    }

    /**
     * Four channels reach customers independently (exposure 0.6, 0.4, 0.3, 0.2) and lift conversion by 0.05, 0.10,
     * 0.02 and 0. The simplified Shapley value's true game is the expected one, v(S) = N · Σ_{T ⊆ S} π(T) q(T), with
     * π(T) the probability of seeing exactly the channels T (given at least one) and q(T) = 1 - Π_{i∈T}(1 - lift_i);
     * its Shapley value is N · Σ_{T ∋ i} π(T) q(T) / |T|, enumerated below over the 15 non-empty sets.
     */
    @Test
    void shapleyRecoversTheValueOfTheExpectedGame() {
        List<String> channels = List.of("display", "search", "social", "video");
        double[] exposure = {0.6, 0.4, 0.3, 0.2};
        double[] lift = {0.05, 0.10, 0.02, 0.0};
        int customers = 200_000;
        PathSet journeys = SyntheticJourneys.exposures(channels, exposure, lift, customers, 23);

        Attribution attribution = new ShapleyValue().credit(journeys);

        double noExposure = 1;
        for (double e : exposure) {
            noExposure *= 1 - e;
        }
        double[] expected = new double[channels.size()];
        for (int set = 1; set < 1 << channels.size(); set++) {
            double probability = 1 / (1 - noExposure);
            double stayUnconverted = 1;
            for (int i = 0; i < channels.size(); i++) {
                boolean in = (set & 1 << i) != 0;
                probability *= in ? exposure[i] : 1 - exposure[i];
                stayUnconverted *= in ? 1 - lift[i] : 1;
            }
            for (int i = 0; i < channels.size(); i++) {
                if ((set & 1 << i) != 0) {
                    expected[i] += probability * (1 - stayUnconverted) / Integer.bitCount(set);
                }
            }
        }
        double expectedTotal = java.util.Arrays.stream(expected).sum();
        double total = attribution.creditedConversions().doubleValue();
        assertEquals(expectedTotal, total / customers, 0.002);
        for (int i = 0; i < channels.size(); i++) {
            assertEquals(expected[i] / expectedTotal,
                    attribution.creditOf(channels.get(i)).conversions().doubleValue() / total, SHARE_TOLERANCE,
                    channels.get(i));
        }
        assertEquals(4, new TreeSet<>(journeys.channels()).size());
    }
}
