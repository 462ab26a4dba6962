package io.mops.attribution.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Divides a total in proportion to weights, rounded so that the parts add up to the total exactly (largest
 * remainder method): the totals a finance team reconciles must not drift by a rounding cent.
 */
final class Apportionment {

    /** Credited amounts carry at least this many decimals. */
    static final int SCALE = 4;

    private Apportionment() {
    }

    static BigDecimal[] apportion(BigDecimal total, double[] weights) {
        int scale = Math.max(SCALE, total.stripTrailingZeros().scale());
        BigDecimal[] parts = new BigDecimal[weights.length];
        double weightSum = Arrays.stream(weights).sum();
        if (total.signum() == 0 || weightSum <= 0) {
            if (total.signum() != 0) {
                throw new IllegalStateException("a positive total cannot be shared by zero weights");
            }
            Arrays.fill(parts, BigDecimal.ZERO.setScale(scale, RoundingMode.UNNECESSARY));
            return parts;
        }
        long units = total.movePointRight(scale).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        long[] floors = new long[weights.length];
        double[] remainders = new double[weights.length];
        long assigned = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = weights[i] / weightSum * units;
            floors[i] = (long) Math.floor(exact);
            remainders[i] = exact - floors[i];
            assigned += floors[i];
        }
        long left = units - assigned;
        Integer[] byRemainder = IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> remainders[i]).reversed())
                .toArray(Integer[]::new);
        for (int k = 0; left > 0; k = (k + 1) % weights.length) {
            int i = byRemainder[k];
            if (weights[i] > 0) {
                floors[i]++;
                left--;
            }
        }
        // Floating-point error can push the floors a unit past the total; take it back from the smallest remainder.
        for (int k = weights.length - 1; left < 0; k = k == 0 ? weights.length - 1 : k - 1) {
            int i = byRemainder[k];
            if (floors[i] > 0) {
                floors[i]--;
                left++;
            }
        }
        for (int i = 0; i < weights.length; i++) {
            parts[i] = BigDecimal.valueOf(floors[i], scale);
        }
        return parts;
    }
}
