package io.mops.attribution.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkovRemovalEffectTest {

    static final double EXACT = 1e-12;

    /**
     * The three-path example of Anderl et al. as popularised by Bryl (analyzecore, 2016):
     * <pre>
     *   C1 > C2 > C3   1 conversion
     *   C1             1 null
     *   C2 > C3        1 null
     * </pre>
     * Transitions: start→C1 2/3, start→C2 1/3; C1→C2 1/2, C1→null 1/2; C2→C3 1; C3→conversion 1/2, C3→null 1/2.
     * P(conversion) = 2/3·1/2·1·1/2 + 1/3·1·1/2 = 1/6 + 1/6 = 1/3.
     * Without C1 (start→C1 goes to null): P = 1/3·1·1/2 = 1/6, removal effect 1 - (1/6)/(1/3) = 0.5.
     * Without C2 or without C3 every converting route is cut: P = 0, removal effect 1.
     * Shares 0.5 : 1 : 1 of 2.5, so the one conversion splits 0.2 / 0.4 / 0.4.
     */
    static PathSet classicExample() {
        return new PathSet("EUR", List.of(
                AggregatedPath.of("C1 > C2 > C3", 1, "100", 0),
                AggregatedPath.of("C1", 0, "0", 1),
                AggregatedPath.of("C2 > C3", 0, "0", 1)));
    }

    @Test
    void removalEffectsOfTheClassicThreePathExample() {
        Map<String, double[]> effects = new MarkovRemovalEffect(1).removalEffects(classicExample());

        assertEquals(0.5, effects.get("C1")[0], EXACT);
        assertEquals(1.0, effects.get("C2")[0], EXACT);
        assertEquals(1.0, effects.get("C3")[0], EXACT);
    }

    @Test
    void creditIsProportionalToTheRemovalEffects() {
        Attribution attribution = new MarkovRemovalEffect(1).credit(classicExample());

        assertEquals(new BigDecimal("0.2000"), attribution.creditOf("C1").conversions());
        assertEquals(new BigDecimal("0.4000"), attribution.creditOf("C2").conversions());
        assertEquals(new BigDecimal("0.4000"), attribution.creditOf("C3").conversions());
        assertEquals(new BigDecimal("20.0000"), attribution.creditOf("C1").value());
        assertEquals(new BigDecimal("40.0000"), attribution.creditOf("C3").value());
    }

    /**
     * Two paths that only a second-order chain tells apart:
     * <pre>
     *   A > C   1 conversion
     *   B > C   1 null
     * </pre>
     * Order 1 merges both visits of C into one state (C→conversion 1/2): P = 1/2; without A P = 1/2·1/2 = 1/4, so
     * RE_A = RE_B = 1/2 and RE_C = 1; shares 1/4, 1/4, 1/2.
     * Order 2 has states (A,C) → conversion and (B,C) → null: P = 1/2; without A it is 0 (RE 1), without B still 1/2
     * (RE 0), without C 0 (RE 1); shares 1/2, 0, 1/2.
     */
    @Test
    void aSecondOrderChainSeesWhichPredecessorConverts() {
        PathSet paths = new PathSet("EUR", List.of(AggregatedPath.of("A > C", 1, "0", 0),
                AggregatedPath.of("B > C", 0, "0", 1)));

        Attribution first = new MarkovRemovalEffect(1).credit(paths);
        Attribution second = new MarkovRemovalEffect(2).credit(paths);

        assertEquals(new BigDecimal("0.2500"), first.creditOf("A").conversions());
        assertEquals(new BigDecimal("0.2500"), first.creditOf("B").conversions());
        assertEquals(new BigDecimal("0.5000"), first.creditOf("C").conversions());
        assertEquals(new BigDecimal("0.5000"), second.creditOf("A").conversions());
        assertEquals(new BigDecimal("0.0000"), second.creditOf("B").conversions());
        assertEquals(new BigDecimal("0.5000"), second.creditOf("C").conversions());
    }

    /**
     * A loop: {@code A > B > A} converts, {@code A} does not. Order 1: start→A 1; A→B 1/3, A→conversion 1/3,
     * A→null 1/3; B→A 1. So x_A = 1/3·x_A + 1/3, x_A = 1/2. Without B: x_A = 1/3, RE_B = 1/3; without A: RE_A = 1.
     * Shares 3/4 and 1/4 of the single conversion. Only an exact solve (not a walk of the observed paths) gets this.
     */
    @Test
    void revisitsAreSolvedExactlyThroughTheFundamentalMatrix() {
        PathSet paths = new PathSet("EUR", List.of(AggregatedPath.of("A > B > A", 1, "0", 0),
                AggregatedPath.of("A", 0, "0", 1)));

        Map<String, double[]> effects = new MarkovRemovalEffect(1).removalEffects(paths);

        assertEquals(1.0, effects.get("A")[0], EXACT);
        assertEquals(1.0 / 3, effects.get("B")[0], EXACT);
        assertEquals(new BigDecimal("0.7500"), new MarkovRemovalEffect(1).credit(paths).creditOf("A").conversions());
    }

    /**
     * Value follows the expected conversion value the chain loses. Paths: {@code A} converts once at 100,
     * {@code B} once at 300, {@code A > B} once at 300. Transitions: start→A 2/3, start→B 1/3; A→conversion 1/2,
     * A→B 1/2; B→conversion 1. Mean value at A is 100, at B (300 + 300) / 2 = 300.
     * Expected value: y_B = 300, y_A = 1/2·100 + 1/2·300 = 200, V = 2/3·200 + 1/3·300 = 700/3.
     * Without A: V = 1/3·300 = 100, RE_value(A) = 1 - 100/(700/3) = 4/7.
     * Without B: y_A = 1/2·100 = 50, V = 2/3·50 = 100/3, RE_value(B) = 1 - (100/3)/(700/3) = 6/7.
     * The value of 700 splits 4/7 : 6/7, i.e. 280 and 420. Conversions: P = 1; without A 1/3 remains and without B
     * 2/3·1/2 = 1/3 remains, so both removal effects are 2/3.
     */
    @Test
    void valueRemovalEffectWeighsTheConversionValueLost() {
        PathSet paths = new PathSet("EUR", List.of(AggregatedPath.of("A", 1, "100", 0),
                AggregatedPath.of("B", 1, "300", 0), AggregatedPath.of("A > B", 1, "300", 0)));

        Map<String, double[]> effects = new MarkovRemovalEffect(1).removalEffects(paths);

        assertEquals(4.0 / 7, effects.get("A")[1], EXACT);
        assertEquals(6.0 / 7, effects.get("B")[1], EXACT);
        // Conversions: 1/3 + 1/3 + 1/3 of journeys convert; without A 1/3 remains (RE 2/3), without B too (RE 2/3).
        assertEquals(2.0 / 3, effects.get("A")[0], EXACT);
        Attribution attribution = new MarkovRemovalEffect(1).credit(paths);
        assertEquals(new BigDecimal("280.0000"), attribution.creditOf("A").value());
        assertEquals(new BigDecimal("420.0000"), attribution.creditOf("B").value());
    }

    @Test
    void withoutConversionsNobodyIsCredited() {
        PathSet paths = new PathSet("EUR", List.of(AggregatedPath.of("A > B", 0, "0", 7)));

        Attribution attribution = new MarkovRemovalEffect(1).credit(paths);

        assertEquals(0, attribution.creditedConversions().signum());
        assertEquals(0, attribution.creditOf("A").conversions().signum());
    }

    /**
     * 2,744 states, beyond the 1,000 the dense solver was capped at: every path of three of 14 channels, each with one
     * conversion and one null. Order 3 makes each path one state, half converting, so P = 1/2. Without channel c only
     * the 13³ = 2,197 paths free of c remain: P = 2197/2744 · 1/2, RE = 547/2744 for every channel, and by symmetry
     * each channel is credited 2744 / 14 = 196 conversions.
     */
    @Test
    void orderThreeOverFourteenChannelsIsSolvedBeyondTheOldDenseLimit() {
        List<AggregatedPath> lines = new ArrayList<>();
        for (int a = 0; a < 14; a++) {
            for (int b = 0; b < 14; b++) {
                for (int c = 0; c < 14; c++) {
                    lines.add(new AggregatedPath(Path.of("c" + a, "c" + b, "c" + c), 1, BigDecimal.ONE, 1));
                }
            }
        }
        PathSet paths = new PathSet("EUR", lines);

        Map<String, double[]> effects = new MarkovRemovalEffect(3).removalEffects(paths);
        Attribution attribution = new MarkovRemovalEffect(3).credit(paths);

        for (int c = 0; c < 14; c++) {
            assertEquals(547.0 / 2744, effects.get("c" + c)[0], EXACT, "c" + c);
            assertEquals(new BigDecimal("196.0000"), attribution.creditOf("c" + c).conversions(), "c" + c);
        }
    }

    /**
     * A path that alternates {@code A > B} 100,000 times and converts, beside a journey that saw only A and did not.
     * Order 1: start→A 1; A→B m/(m+1), A→null 1/(m+1); B→A (m-1)/m, B→conversion 1/m (m = 100,000). Then
     * x_A = m/(m+1)·x_B and x_B = (m-1)/m·x_A + 1/m give x_A = 1/2 whatever m; without A or without B nothing
     * converts, so both removal effects are 1. The loop is far too tight for the sweeps (each round trip resolves
     * about 2/m of the mass), so the two-state chain is solved by LU.
     */
    @Test
    void aTightLoopTheSweepsCannotResolveIsSolvedByLu() {
        PathSet paths = new PathSet("EUR", List.of(new AggregatedPath(alternating("A", "B", 100_000), 1, BigDecimal.TEN, 0),
                AggregatedPath.of("A", 0, "0", 1)));

        Map<String, double[]> effects = new MarkovRemovalEffect(1).removalEffects(paths);
        AbsorbingChain chain = AbsorbingChain.fit(paths, 1);

        // LU rounds at about 1e-11 here: I - Q is nearly singular (condition number about m).
        assertEquals(0.5, chain.absorption().probability(), 1e-9);
        assertEquals(1.0, effects.get("A")[0], EXACT);
        assertEquals(1.0, effects.get("B")[0], EXACT);
        assertNull(chain.solveIteratively(new boolean[chain.stateCount()], 0, 0));
    }

    /** The same tight loop in a chain too large for LU: refused with the reason, which the API answers as a 400. */
    @Test
    void aTightLoopInAChainTooLargeForLuIsRefusedWithTheReason() {
        List<AggregatedPath> lines = new ArrayList<>();
        for (int a = 0; a < 11; a++) {
            for (int b = 0; b < 11; b++) {
                for (int c = 0; c < 11; c++) {
                    lines.add(new AggregatedPath(Path.of("c" + a, "c" + b, "c" + c), 1, BigDecimal.ONE, 1));
                }
            }
        }
        lines.add(new AggregatedPath(alternating("c0", "c1", 100_000), 1, BigDecimal.ONE, 0));
        PathSet paths = new PathSet("EUR", lines);

        AttributionInputException refused = assertThrows(AttributionInputException.class,
                () -> new MarkovRemovalEffect(3).credit(paths));
        assertTrue(refused.getMessage().contains("use a lower order"), refused.getMessage());
    }

    private static Path alternating(String first, String second, int roundTrips) {
        List<String> channels = new ArrayList<>(2 * roundTrips);
        for (int i = 0; i < roundTrips; i++) {
            channels.add(first);
            channels.add(second);
        }
        return new Path(channels);
    }

    @Test
    void ordersOutsideOneToFourAreRefused() {
        assertThrows(AttributionInputException.class, () -> new MarkovRemovalEffect(0));
        assertThrows(AttributionInputException.class, () -> new MarkovRemovalEffect(5));
    }
}
