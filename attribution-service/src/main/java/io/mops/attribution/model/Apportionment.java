package io.mops.attribution.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Divides a total in proportion to weights, rounded so that the parts add up to the total exactly (largest
 * remainder method): the totals a finance team reconciles must not drift by a rounding cent.
 * <p>
 * The arithmetic is exact in integers of the smallest unit ({@code 10^-scale}), whatever the total's size or number
 * of decimals: each weight (a {@code double}) is taken at its exact binary value, so the shares, their floors and
 * their remainders are exact too.
 */
final class Apportionment {

    /** Credited amounts carry at least this many decimals. */
    static final int SCALE = 4;

    private Apportionment() {
    }

    static BigDecimal[] apportion(BigDecimal total, double[] weights) {
        int scale = Math.max(SCALE, total.stripTrailingZeros().scale());
        BigDecimal[] parts = new BigDecimal[weights.length];
        BigDecimal[] exactWeights = new BigDecimal[weights.length];
        BigDecimal weightSum = BigDecimal.ZERO;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalStateException("weight " + i + " is " + weights[i] + ", not a finite weight");
            }
            exactWeights[i] = new BigDecimal(weights[i]);
            weightSum = weightSum.add(exactWeights[i]);
        }
        if (total.signum() == 0 || weightSum.signum() == 0) {
            if (total.signum() != 0) {
                throw new IllegalStateException("a positive total cannot be shared by zero weights");
            }
            Arrays.fill(parts, BigDecimal.ZERO.setScale(scale, RoundingMode.UNNECESSARY));
            return parts;
        }
        BigInteger units = total.movePointRight(scale).setScale(0, RoundingMode.UNNECESSARY).toBigIntegerExact();
        // share_i = units · w_i / W; with W and w_i exact decimals, floor and remainder are exact divisions.
        BigDecimal unitsAsDecimal = new BigDecimal(units);
        BigInteger[] floors = new BigInteger[weights.length];
        BigDecimal[] remainders = new BigDecimal[weights.length];
        BigInteger assigned = BigInteger.ZERO;
        for (int i = 0; i < weights.length; i++) {
            BigDecimal[] quotient = unitsAsDecimal.multiply(exactWeights[i]).divideAndRemainder(weightSum);
            floors[i] = quotient[0].toBigIntegerExact();
            remainders[i] = quotient[1];
            assigned = assigned.add(floors[i]);
        }
        // The remainders add up to (units - assigned) · W, so fewer units are left than weights with a remainder.
        int left = units.subtract(assigned).intValueExact();
        Integer[] byRemainder = IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.comparing((Integer i) -> remainders[i]).reversed())
                .toArray(Integer[]::new);
        for (int k = 0; k < left; k++) {
            int i = byRemainder[k];
            floors[i] = floors[i].add(BigInteger.ONE);
        }
        for (int i = 0; i < weights.length; i++) {
            parts[i] = new BigDecimal(floors[i], scale);
        }
        return parts;
    }
}
