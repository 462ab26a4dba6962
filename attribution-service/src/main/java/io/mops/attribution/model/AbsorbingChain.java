package io.mops.attribution.model;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The Markov chain of Anderl et al. (2016) fitted to a path set: a start state, one transient state per observed
 * tuple of the last {@code order} channels, and the absorbing states conversion and null. Transition probabilities
 * are the observed transition counts (each path line weighted by its journeys) normalised per state.
 * <p>
 * Absorption probabilities solve {@code (I - Q) x = r}. The chain is sparse (a state of order {@code k} leads to at
 * most one state per channel), so they are solved by Gauss–Seidel sweeps over the transitions, which cost
 * {@code O(transitions)} each, instead of a dense LU decomposition, which costs {@code O(states³)}. The sweeps carry
 * their own error bound (see {@link #solveIteratively}); a chain whose loops are so tight that the bound does not
 * reach {@link #TOLERANCE} within {@link #MAX_SWEEPS} sweeps is solved by LU if it is small enough.
 */
final class AbsorbingChain {

    /** Bound on the relative error of every conversion probability and expected value the chain answers. */
    static final double TOLERANCE = 1e-12;
    /**
     * Sweeps before the iteration gives up on a chain: about 25 are needed on realistic data; only tight loops, e.g. a
     * path alternating A > B thousands of times, need more.
     */
    static final int MAX_SWEEPS = 10_000;
    /** Largest chain solved by LU when the sweeps do not converge (LU costs O(states³); this was its old cap). */
    static final int MAX_DENSE_STATES = 1_000;

    /**
     * What a journey from start is expected to bring, the bound on the error of each figure, and the sweeps it took
     * (0 when solved by LU).
     */
    record Absorption(double probability, double value, double probabilityError, double valueError, int sweeps) {
    }

    private final List<List<String>> states = new ArrayList<>();
    private final Map<List<String>, Integer> index = new HashMap<>();
    private final List<Map<Integer, Double>> transitions = new ArrayList<>();
    private final List<Double> toConversion = new ArrayList<>();
    private final List<Double> toNull = new ArrayList<>();
    private final List<Double> valueAtConversion = new ArrayList<>();
    private final Map<Integer, Double> fromStart = new HashMap<>();

    /** The fitted chain as arrays: transitions to other states by row, self-transitions apart. */
    private int[] rowStart;
    private int[] successor;
    private double[] probability;
    private double[] selfTransition;
    private double[] conversionStep;
    private double[] valueStep;
    private double[] startProbability;
    private double highestMeanValue;
    private boolean converts;
    /** Each state after the states it leads to, as far as loops allow: a DFS post-order. */
    private int[] sweepOrder;

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
        chain.compile();
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

    private void compile() {
        int n = states.size();
        rowStart = new int[n + 1];
        for (int s = 0; s < n; s++) {
            Map<Integer, Double> out = transitions.get(s);
            rowStart[s + 1] = rowStart[s] + out.size() - (out.containsKey(s) ? 1 : 0);
        }
        successor = new int[rowStart[n]];
        probability = new double[rowStart[n]];
        selfTransition = new double[n];
        conversionStep = new double[n];
        valueStep = new double[n];
        startProbability = new double[n];
        for (int s = 0; s < n; s++) {
            Map<Integer, Double> out = transitions.get(s);
            double leaving = toConversion.get(s) + toNull.get(s);
            for (double count : out.values()) {
                leaving += count;
            }
            int e = rowStart[s];
            for (Map.Entry<Integer, Double> t : out.entrySet()) {
                if (t.getKey() == s) {
                    selfTransition[s] = t.getValue() / leaving;
                } else {
                    successor[e] = t.getKey();
                    probability[e++] = t.getValue() / leaving;
                }
            }
            double conversions = toConversion.get(s);
            if (conversions > 0) {
                converts = true;
                conversionStep[s] = conversions / leaving;
                valueStep[s] = valueAtConversion.get(s) / leaving;
                highestMeanValue = Math.max(highestMeanValue, valueAtConversion.get(s) / conversions);
            }
        }
        double startTotal = 0;
        for (double count : fromStart.values()) {
            startTotal += count;
        }
        for (Map.Entry<Integer, Double> first : fromStart.entrySet()) {
            startProbability[first.getKey()] = first.getValue() / startTotal;
        }
        sweepOrder = postOrder();
    }

    /**
     * Gauss–Seidel converges in one sweep on an acyclic chain when every state comes after its successors; a DFS
     * post-order gives that for every transition except the DFS's back edges, i.e. except loops.
     */
    private int[] postOrder() {
        int n = states.size();
        int[] order = new int[n];
        int placed = 0;
        boolean[] visited = new boolean[n];
        int[] stack = new int[n];
        int[] nextEdge = new int[n];
        Integer[] roots = new Integer[n];
        for (int s = 0; s < n; s++) {
            roots[s] = s;
        }
        Arrays.sort(roots, (a, b) -> Double.compare(startProbability[b], startProbability[a]));
        for (int root : roots) {
            if (visited[root]) {
                continue;
            }
            int depth = 0;
            stack[depth++] = root;
            visited[root] = true;
            nextEdge[root] = rowStart[root];
            while (depth > 0) {
                int s = stack[depth - 1];
                if (nextEdge[s] < rowStart[s + 1]) {
                    int t = successor[nextEdge[s]++];
                    if (!visited[t]) {
                        visited[t] = true;
                        nextEdge[t] = rowStart[t];
                        stack[depth++] = t;
                    }
                } else {
                    depth--;
                    order[placed++] = s;
                }
            }
        }
        return order;
    }

    int stateCount() {
        return states.size();
    }

    /**
     * The whole chain, within a relative error of {@link #TOLERANCE}.
     *
     * @throws AttributionInputException when the sweeps do not converge and the chain is too large for LU
     */
    Absorption absorption() {
        return absorption(state -> false, 0, 0);
    }

    /**
     * The chain with every state matching {@code removed} taken out (transitions into a removed state end in null),
     * with errors of at most {@link #TOLERANCE} times the whole chain's figures, so that removal effects
     * {@code 1 - without / whole} are within {@code 2 · TOLERANCE}.
     *
     * @throws AttributionInputException when the sweeps do not converge and the chain is too large for LU
     */
    Absorption absorptionWithout(Predicate<List<String>> removed, Absorption whole) {
        return absorption(removed, whole.probability(), whole.value());
    }

    private Absorption absorption(Predicate<List<String>> removed, double scaleOfProbability, double scaleOfValue) {
        if (!converts) {
            return new Absorption(0, 0, 0, 0, 0);
        }
        boolean[] out = removedStates(removed);
        Absorption iterated = solveIteratively(out, scaleOfProbability, scaleOfValue);
        if (iterated != null) {
            return iterated;
        }
        int kept = 0;
        for (boolean r : out) {
            kept += r ? 0 : 1;
        }
        if (kept > MAX_DENSE_STATES) {
            throw new AttributionInputException("the chain's loops are too tight to solve its " + kept
                    + " states within " + MAX_SWEEPS + " sweeps (a path revisits the same states thousands of "
                    + "times); use a lower order");
        }
        return solveDensely(out);
    }

    boolean[] removedStates(Predicate<List<String>> removed) {
        boolean[] out = new boolean[states.size()];
        for (int s = 0; s < out.length; s++) {
            out[s] = removed.test(states.get(s));
        }
        return out;
    }

    /**
     * Gauss–Seidel sweeps for the conversion probabilities {@code x}, the expected values {@code y} and, alongside,
     * the mass {@code z} not yet accounted for, all from zero ({@code z} from one). With {@code Q = L + U} split by
     * the sweep order, each sweep maps the error {@code e} to {@code G e}, {@code G = (D - L)^-1 U} with {@code D}
     * the diagonal of {@code I - Q}; {@code G} has no negative entry, and the first error is {@code x} itself,
     * at most 1. So after {@code k} sweeps {@code 0 ≤ x - x_k ≤ G^k 1 = z_k}, and likewise
     * {@code 0 ≤ y - y_k ≤ v_max · z_k} ({@code y ≤ v_max · x}, {@code v_max} the highest mean conversion value of a
     * state). The answers are lower bounds whose error is at most the start-weighted {@code z}; the sweeps stop when
     * that is below {@link #TOLERANCE} times {@code max(answer, scale)}.
     *
     * @return {@code null} when {@link #MAX_SWEEPS} sweeps do not bring the bound below the tolerance
     */
    Absorption solveIteratively(boolean[] removed, double scaleOfProbability, double scaleOfValue) {
        int n = states.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        double[] stay = new double[n];
        for (int s = 0; s < n; s++) {
            z[s] = removed[s] ? 0 : 1;
            stay[s] = 1 / (1 - selfTransition[s]);
        }
        for (int sweep = 1; sweep <= MAX_SWEEPS; sweep++) {
            for (int s : sweepOrder) {
                if (removed[s]) {
                    continue;
                }
                double sx = conversionStep[s];
                double sy = valueStep[s];
                double sz = 0;
                for (int e = rowStart[s]; e < rowStart[s + 1]; e++) {
                    int t = successor[e];
                    double p = probability[e];
                    sx += p * x[t];
                    sy += p * y[t];
                    sz += p * z[t];
                }
                x[s] = sx * stay[s];
                y[s] = sy * stay[s];
                z[s] = sz * stay[s];
            }
            double conversion = 0;
            double value = 0;
            double unresolved = 0;
            for (int s = 0; s < n; s++) {
                double p = startProbability[s];
                if (p > 0) {
                    conversion += p * x[s];
                    value += p * y[s];
                    unresolved += p * z[s];
                }
            }
            double valueError = highestMeanValue * unresolved;
            if (unresolved <= TOLERANCE * Math.max(conversion, scaleOfProbability)
                    && valueError <= TOLERANCE * Math.max(value, scaleOfValue)) {
                return new Absorption(conversion, value, unresolved, valueError, sweep);
            }
        }
        return null;
    }

    /**
     * {@code (I - Q) x = r} and {@code (I - Q) y = r ⊙ v} over the kept states by one LU decomposition (Kemeny and
     * Snell's fundamental matrix): exact up to rounding, {@code O(states³)}.
     */
    Absorption solveDensely(boolean[] removed) {
        int n = states.size();
        int[] position = new int[n];
        int kept = 0;
        for (int s = 0; s < n; s++) {
            position[s] = removed[s] ? -1 : kept++;
        }
        if (kept == 0) {
            return new Absorption(0, 0, 0, 0, 0);
        }
        double[][] identityMinusQ = new double[kept][kept];
        double[][] rightHandSides = new double[kept][2];
        for (int s = 0; s < n; s++) {
            int row = position[s];
            if (row < 0) {
                continue;
            }
            identityMinusQ[row][row] = 1 - selfTransition[s];
            for (int e = rowStart[s]; e < rowStart[s + 1]; e++) {
                int column = position[successor[e]];
                if (column >= 0) {
                    identityMinusQ[row][column] -= probability[e];
                }
            }
            rightHandSides[row][0] = conversionStep[s];
            rightHandSides[row][1] = valueStep[s];
        }
        RealMatrix absorbed = new LUDecomposition(new Array2DRowRealMatrix(identityMinusQ, false)).getSolver()
                .solve(new Array2DRowRealMatrix(rightHandSides, false));
        double conversion = 0;
        double value = 0;
        for (int s = 0; s < n; s++) {
            if (position[s] >= 0 && startProbability[s] > 0) {
                conversion += startProbability[s] * absorbed.getEntry(position[s], 0);
                value += startProbability[s] * absorbed.getEntry(position[s], 1);
            }
        }
        return new Absorption(conversion, value, 0, 0, 0);
    }
}
