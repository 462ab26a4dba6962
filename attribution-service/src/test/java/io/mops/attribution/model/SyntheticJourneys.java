package io.mops.attribution.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded generators of journeys from processes whose true channel contributions are known in closed form, so that
 * the models can be checked for recovering them from a finite, noisy sample.
 */
final class SyntheticJourneys {

    private SyntheticJourneys() {
    }

    /**
     * Customers walk a first-order chain: from each state they move to a channel, convert, or drop out ("null").
     * In this world a channel's removal effect is exactly its causal contribution: without it, customers who would
     * have reached it drop out. {@code chain} maps a state (or "start") to its next-step probabilities, keyed by
     * channel, "conversion" or "null".
     */
    static PathSet markovWalks(Map<String, Map<String, Double>> chain, int customers, BigDecimal value, long seed) {
        Random random = new Random(seed);
        List<AggregatedPath> lines = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            List<String> path = new ArrayList<>();
            String state = "start";
            while (true) {
                String next = draw(chain.get(state), random);
                if (next.equals("conversion") || next.equals("null")) {
                    boolean converted = next.equals("conversion");
                    lines.add(new AggregatedPath(new Path(path), converted ? 1 : 0,
                            converted ? value : BigDecimal.ZERO, converted ? 0 : 1));
                    break;
                }
                path.add(next);
                state = next;
            }
        }
        return new PathSet("EUR", lines);
    }

    /**
     * Each customer is exposed to each channel independently ({@code exposure}), redrawn until exposed to at least
     * one, and converts with probability {@code 1 - Π (1 - lift)} over the channels seen, in random order.
     */
    static PathSet exposures(List<String> channels, double[] exposure, double[] lift, int customers, long seed) {
        Random random = new Random(seed);
        List<AggregatedPath> lines = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            List<String> seen = new ArrayList<>();
            double stayUnconverted = 1;
            while (seen.isEmpty()) {
                stayUnconverted = 1;
                for (int i = 0; i < channels.size(); i++) {
                    if (random.nextDouble() < exposure[i]) {
                        seen.add(channels.get(i));
                        stayUnconverted *= 1 - lift[i];
                    }
                }
            }
            java.util.Collections.shuffle(seen, random);
            boolean converted = random.nextDouble() >= stayUnconverted;
            lines.add(new AggregatedPath(new Path(seen), converted ? 1 : 0, converted ? BigDecimal.TEN : BigDecimal.ZERO,
                    converted ? 0 : 1));
        }
        return new PathSet("EUR", lines);
    }

    private static String draw(Map<String, Double> probabilities, Random random) {
        double u = random.nextDouble();
        String last = null;
        for (Map.Entry<String, Double> option : probabilities.entrySet()) {
            last = option.getKey();
            u -= option.getValue();
            if (u < 0) {
                return last;
            }
        }
        return last;
    }
}
