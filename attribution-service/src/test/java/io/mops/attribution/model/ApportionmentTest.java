package io.mops.attribution.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApportionmentTest {

    /** 1/3 each is 0.3333 three times, 0.0001 short; the largest remainder method hands the unit to the first tie. */
    @Test
    void partsAddUpToTheTotalExactly() {
        BigDecimal[] parts = Apportionment.apportion(BigDecimal.ONE, new double[]{1, 1, 1});

        assertEquals(0, BigDecimal.ONE.compareTo(Arrays.stream(parts).reduce(BigDecimal.ZERO, BigDecimal::add)));
        assertArrayEquals(new BigDecimal[]{new BigDecimal("0.3334"), new BigDecimal("0.3333"), new BigDecimal("0.3333")},
                parts);
    }

    @Test
    void totalsWithMoreDecimalsKeepThem() {
        BigDecimal[] parts = Apportionment.apportion(new BigDecimal("10.123456"), new double[]{1, 1});

        assertEquals(new BigDecimal("5.061728"), parts[0]);
        assertEquals(new BigDecimal("5.061728"), parts[1]);
    }

    @Test
    void zeroWeightsGetNothingEvenWhenUnitsAreLeftOver() {
        BigDecimal[] parts = Apportionment.apportion(new BigDecimal("2"), new double[]{0, 1, 0, 2});

        assertArrayEquals(new BigDecimal[]{new BigDecimal("0.0000"), new BigDecimal("0.6667"), new BigDecimal("0.0000"),
                new BigDecimal("1.3333")}, parts);
    }

    /** 10^21 units do not fit a long; halves of an odd number of units: the spare unit goes to the first tie. */
    @Test
    void totalsWithMoreDecimalsThanALongHoldsAreSharedExactly() {
        BigDecimal[] parts = Apportionment.apportion(new BigDecimal("0.123456789012345678901"), new double[]{1, 1});

        assertArrayEquals(new BigDecimal[]{new BigDecimal("0.061728394506172839451"),
                new BigDecimal("0.061728394506172839450")}, parts);
    }

    /** 10^15 at 4 decimals is 10^19 units, past a long too: thirds are 3333…3 and 6666…6 with the spare unit on 2/3. */
    @Test
    void largeTotalsAreSharedExactly() {
        BigDecimal[] parts = Apportionment.apportion(new BigDecimal("1000000000000000"), new double[]{1, 2});

        assertArrayEquals(new BigDecimal[]{new BigDecimal("333333333333333.3333"),
                new BigDecimal("666666666666666.6667")}, parts);
    }

    /**
     * Largest remainder on random weights and totals of up to 30 decimals: the parts add up to the total, and each
     * lies within one unit of its exact share total · w_i / Σw, computed here in 60-digit decimals.
     */
    @Test
    void everyPartIsWithinOneUnitOfItsExactShareAndThePartsAddUp() {
        Random random = new Random(11);
        MathContext sixtyDigits = new MathContext(60);
        for (int trial = 0; trial < 500; trial++) {
            int scale = random.nextInt(31);
            BigDecimal total = new BigDecimal(new BigInteger(100, random), scale);
            double[] weights = random.doubles(1 + random.nextInt(12)).map(w -> w < 0.2 ? 0 : w).toArray();
            weights[0] = 0.5;

            BigDecimal[] parts = Apportionment.apportion(total, weights);

            BigDecimal unit = BigDecimal.ONE.movePointLeft(Math.max(Apportionment.SCALE, total.stripTrailingZeros().scale()));
            BigDecimal weightSum = Arrays.stream(weights).mapToObj(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, total.compareTo(Arrays.stream(parts).reduce(BigDecimal.ZERO, BigDecimal::add)));
            for (int i = 0; i < weights.length; i++) {
                BigDecimal share = total.multiply(new BigDecimal(weights[i])).divide(weightSum, sixtyDigits);
                assertTrue(parts[i].subtract(share).abs().compareTo(unit) < 0, parts[i] + " vs " + share);
            }
        }
    }
}
