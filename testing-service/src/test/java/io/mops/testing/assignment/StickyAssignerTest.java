package io.mops.testing.assignment;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StickyAssignerTest {

    private static final int SEED = 20261125;

    private static List<TrafficShare> evenSplit(int variants) {
        List<TrafficShare> split = new ArrayList<>();
        for (int i = 0; i < variants; i++) {
            split.add(TrafficShare.live("v" + i, 1.0 / variants));
        }
        return split;
    }

    @Test
    void theSameUnitGetsTheSameVariantFromEveryAssignerOfTheSameSplit() {
        StickyAssigner first = new StickyAssigner(SEED, evenSplit(100));
        StickyAssigner afterRestart = new StickyAssigner(SEED, evenSplit(100));
        for (int u = 0; u < 10_000; u++) {
            String unit = "user-" + u;
            assertEquals(first.variantFor(unit), first.variantFor(unit));
            assertEquals(first.variantFor(unit), afterRestart.variantFor(unit));
        }
    }

    @Test
    void aKnownUnitLandsInAFixedVariantSoThatAssignmentsSurviveUpgrades() {
        // Pinned: changing the hash or the bucket layout would silently move every running experiment's users.
        StickyAssigner assigner = new StickyAssigner(SEED, evenSplit(100));
        assertEquals("v12", assigner.variantFor("user-42"));
        assertEquals("v84", assigner.variantFor("user-43"));
        assertEquals("v91", assigner.variantFor("anon-7f3a"));
    }

    @Test
    void differentExperimentSeedsShuffleUnitsIndependently() {
        StickyAssigner a = new StickyAssigner(1, evenSplit(2));
        StickyAssigner b = new StickyAssigner(2, evenSplit(2));
        int same = 0;
        int units = 20_000;
        for (int u = 0; u < units; u++) {
            if (a.variantIndexFor("u" + u) == b.variantIndexFor("u" + u)) {
                same++;
            }
        }
        // Independent halves agree half of the time: 10,000 +- 4.5 standard deviations (71 each).
        assertTrue(Math.abs(same - units / 2) < 320, "agreements: " + same);
    }

    @Test
    void anEvenSplitOfOneHundredVariantsIsUniformWithinTheChiSquareBound() {
        int variants = 100;
        int units = 200_000;
        StickyAssigner assigner = new StickyAssigner(SEED, evenSplit(variants));
        long[] counts = new long[variants];
        for (int u = 0; u < units; u++) {
            counts[assigner.variantIndexFor("visitor-" + u)]++;
        }
        double expected = (double) units / variants;
        double chiSquare = 0;
        for (long c : counts) {
            chiSquare += (c - expected) * (c - expected) / expected;
        }
        double bound = ChiSquaredDistribution.of(variants - 1).inverseSurvivalProbability(0.001);
        assertTrue(chiSquare < bound, "chi-square " + chiSquare + " above the 0.1% critical value " + bound);
    }

    @Test
    void unequalWeightsAreHonouredWithinSamplingError() {
        StickyAssigner assigner = new StickyAssigner(SEED, List.of(
                TrafficShare.live("control", 0.5), TrafficShare.live("b", 0.3), TrafficShare.live("c", 0.2)));
        int units = 100_000;
        long[] counts = new long[3];
        for (int u = 0; u < units; u++) {
            counts[assigner.variantIndexFor("id-" + u)]++;
        }
        double[] weights = {0.5, 0.3, 0.2};
        for (int i = 0; i < 3; i++) {
            double sd = Math.sqrt(units * weights[i] * (1 - weights[i]));
            assertTrue(Math.abs(counts[i] - units * weights[i]) < 4.5 * sd, "variant " + i + ": " + counts[i]);
        }
    }

    @Test
    void eliminatingAVariantMovesOnlyItsOwnUnitsAndSpreadsThemOverTheLiveOnes() {
        List<TrafficShare> before = evenSplit(4);
        List<TrafficShare> after = new ArrayList<>(before);
        after.set(2, TrafficShare.eliminated("v2", 0.25));
        StickyAssigner original = new StickyAssigner(SEED, before);
        StickyAssigner reduced = new StickyAssigner(SEED, after);
        long[] movedTo = new long[4];
        for (int u = 0; u < 40_000; u++) {
            String unit = "u" + u;
            int was = original.variantIndexFor(unit);
            int now = reduced.variantIndexFor(unit);
            assertNotEquals(2, now);
            if (was != 2) {
                assertEquals(was, now, "a unit of a live variant moved");
            } else {
                movedTo[now]++;
            }
        }
        long moved = movedTo[0] + movedTo[1] + movedTo[3];
        for (int i : new int[] {0, 1, 3}) {
            assertEquals(1.0 / 3, (double) movedTo[i] / moved, 0.03);
        }
    }

    @Test
    void effectiveSharesSpreadAnEliminatedBucketInProportionToTheLiveShares() {
        StickyAssigner assigner = new StickyAssigner(SEED, List.of(
                TrafficShare.live("a", 0.2), TrafficShare.eliminated("b", 0.5), TrafficShare.live("c", 0.3)));
        double[] shares = assigner.effectiveShares();
        assertEquals(0.4, shares[0], 1e-12);
        assertEquals(0.0, shares[1], 1e-12);
        assertEquals(0.6, shares[2], 1e-12);
    }

    @Test
    void sharesThatDoNotAddUpToOneAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StickyAssigner(SEED,
                List.of(TrafficShare.live("a", 0.5), TrafficShare.live("b", 0.4))));
        assertTrue(e.getMessage().contains("add up to 1"));
    }

    @Test
    void aSplitWithNoLiveVariantIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new StickyAssigner(SEED,
                List.of(TrafficShare.eliminated("a", 0.5), TrafficShare.eliminated("b", 0.5))));
    }

    @Test
    void aZeroShareVariantNeverReceivesUnits() {
        StickyAssigner assigner = new StickyAssigner(SEED, List.of(
                TrafficShare.live("a", 0.0), TrafficShare.live("b", 1.0), TrafficShare.live("c", 0.0)));
        for (int u = 0; u < 5_000; u++) {
            assertEquals("b", assigner.variantFor("u" + u));
        }
    }
}
