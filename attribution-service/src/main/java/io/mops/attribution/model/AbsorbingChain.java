package io.mops.attribution.model;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The Markov chain of Anderl et al. (2016) fitted to a path set: a start state, one transient state per observed
 * tuple of the last {@code order} channels, and the absorbing states conversion and null. Transition probabilities
 * are the observed transition counts (each path line weighted by its journeys) normalised per state.
 */
final class AbsorbingChain {

    private final List<List<String>> states = new ArrayList<>();
    private final Map<List<String>, Integer> index = new HashMap<>();
    private final List<Map<Integer, Double>> transitions = new ArrayList<>();
    private final List<Double> toConversion = new ArrayList<>();
    private final List<Double> toNull = new ArrayList<>();
    private final List<Double> valueAtConversion = new ArrayList<>();
    private final Map<Integer, Double> fromStart = new HashMap<>();

    /**
     * The paths' states are the sliding windows of {@code order} consecutive channels; a path shorter than the order
     * is a single state of all its channels. Lines without journeys add nothing.
     */
    static AbsorbingChain fit(PathSet paths, int order) {
        AbsorbingChain chain = new AbsorbingChain();
        for (AggregatedPath line : paths.paths()) {
            double journeys = line.journeys();
            if (journeys == 0) {
                continue;
            }
            List<String> channels = line.path().channels();
            int windows = Math.max(1, channels.size() - order + 1);
            int previous = -1;
            for (int w = 0; w < windows; w++) {
                int state = chain.stateOf(channels.subList(w, Math.min(channels.size(), w + order)));
                if (previous < 0) {
                    chain.fromStart.merge(state, journeys, Double::sum);
                } else {
                    chain.transitions.get(previous).merge(state, journeys, Double::sum);
                }
                previous = state;
            }
            chain.toConversion.set(previous, chain.toConversion.get(previous) + line.conversions());
            chain.toNull.set(previous, chain.toNull.get(previous) + line.nulls());
            chain.valueAtConversion.set(previous,
                    chain.valueAtConversion.get(previous) + line.conversionValue().doubleValue());
        }
        return chain;
    }

    private int stateOf(List<String> channels) {
        Integer known = index.get(channels);
        if (known != null) {
            return known;
        }
        List<String> key = List.copyOf(channels);
        int state = states.size();
        states.add(key);
        index.put(key, state);
        transitions.add(new HashMap<>());
        toConversion.add(0.0);
        toNull.add(0.0);
        valueAtConversion.add(0.0);
        return state;
    }

    int stateCount() {
        return states.size();
    }

    List<List<String>> states() {
        return states;
    }

    /**
     * The probability that a journey from start ends in conversion, and the conversion value it is expected to
     * bring, when every state matching {@code removed} is taken out: transitions into a removed state end in null.
     * <p>
     * With {@code Q} the transitions among the kept states and {@code r} the one-step probabilities of conversion,
     * the absorption probabilities {@code x} solve {@code (I - Q) x = r} (Kemeny and Snell's fundamental matrix);
     * the expected value uses {@code r_s * v_s} instead, with {@code v_s} the mean value of the conversions that
     * followed state {@code s}. Both right-hand sides are solved against one LU decomposition.
     *
     * @return {@code {conversion probability, expected conversion value}}
     */
    double[] conversionProbabilityAndValue(Predicate<List<String>> removed) {
        int[] kept = new int[states.size()];
        int n = 0;
        int[] position = new int[states.size()];
        for (int s = 0; s < states.size(); s++) {
            position[s] = -1;
            if (!removed.test(states.get(s))) {
                position[s] = n;
                kept[n++] = s;
            }
        }
        if (n == 0) {
            return new double[]{0, 0};
        }
        double[][] identityMinusQ = new double[n][n];
        double[][] rightHandSides = new double[n][2];
        for (int row = 0; row < n; row++) {
            int s = kept[row];
            double leaving = toConversion.get(s) + toNull.get(s);
            for (double count : transitions.get(s).values()) {
                leaving += count;
            }
            identityMinusQ[row][row] = 1;
            for (Map.Entry<Integer, Double> t : transitions.get(s).entrySet()) {
                int column = position[t.getKey()];
                if (column >= 0) {
                    identityMinusQ[row][column] -= t.getValue() / leaving;
                }
            }
            double conversions = toConversion.get(s);
            rightHandSides[row][0] = conversions / leaving;
            rightHandSides[row][1] = conversions == 0 ? 0 : valueAtConversion.get(s) / leaving;
        }
        DecompositionSolver solver = new LUDecomposition(new Array2DRowRealMatrix(identityMinusQ, false)).getSolver();
        RealMatrix absorbed = solver.solve(new Array2DRowRealMatrix(rightHandSides, false));

        double startTotal = 0;
        for (double count : fromStart.values()) {
            startTotal += count;
        }
        double probability = 0;
        double value = 0;
        for (Map.Entry<Integer, Double> first : fromStart.entrySet()) {
            int row = position[first.getKey()];
            if (row >= 0) {
                double p = first.getValue() / startTotal;
                probability += p * absorbed.getEntry(row, 0);
                value += p * absorbed.getEntry(row, 1);
            }
        }
        return new double[]{probability, value};
    }
}
