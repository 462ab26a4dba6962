package io.mops.testing.statistics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Adjusted p-values for many variants tested against one control at once (the order of the input is kept).
 * <ul>
 *   <li>Holm (1979): controls the family-wise error rate, the chance of even one false winner; use it when a
 *   single wrong "winner" is costly.</li>
 *   <li>Benjamini–Hochberg (1995): controls the false discovery rate, the expected share of false winners among
 *   those declared; the usual choice when screening hundreds of creative combinations.</li>
 * </ul>
 * Compare an adjusted p-value with the nominal alpha as usual.
 */
public final class MultipleComparisons {

    private MultipleComparisons() {
    }

    public static double[] holm(double[] pValues) {
        int m = pValues.length;
        Integer[] ascending = order(pValues, Comparator.naturalOrder());
        double[] adjusted = new double[m];
        double runningMax = 0.0;
        for (int rank = 0; rank < m; rank++) {
            int i = ascending[rank];
            runningMax = Math.max(runningMax, Math.min(1.0, (m - rank) * pValues[i]));
            adjusted[i] = runningMax;
        }
        return adjusted;
    }

    public static double[] benjaminiHochberg(double[] pValues) {
        int m = pValues.length;
        Integer[] descending = order(pValues, Comparator.reverseOrder());
        double[] adjusted = new double[m];
        double runningMin = 1.0;
        for (int position = 0; position < m; position++) {
            int i = descending[position];
            int rank = m - position;
            runningMin = Math.min(runningMin, (double) m / rank * pValues[i]);
            adjusted[i] = runningMin;
        }
        return adjusted;
    }

    private static Integer[] order(double[] values, Comparator<Double> comparator) {
        for (double p : values) {
            if (!(p >= 0.0 && p <= 1.0)) {
                throw new IllegalArgumentException("p-values must lie in [0, 1]: " + Arrays.toString(values));
            }
        }
        return IntStream.range(0, values.length).boxed()
                .sorted(Comparator.comparing(i -> values[i], comparator))
                .toArray(Integer[]::new);
    }
}
