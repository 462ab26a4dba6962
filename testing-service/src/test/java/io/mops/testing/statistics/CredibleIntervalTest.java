package io.mops.testing.statistics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CredibleIntervalTest {

    @Test
    void uniformPriorWithNoDataGivesTheMiddleNinetyFivePercentOfZeroToOne() {
        CredibleInterval interval = BetaPosterior.afterObserving(0, 0).credibleInterval(0.95);
        assertEquals(0.025, interval.low(), 1e-12);
        assertEquals(0.975, interval.high(), 1e-12);
        assertEquals(0.95, interval.level());
    }

    /** Beta(a, 1) has the distribution function x^a, so its quantile is p^(1/a). */
    @Test
    void twoConversionsOfTwoUnitsMatchTheClosedFormQuantiles() {
        CredibleInterval interval = BetaPosterior.afterObserving(2, 2).credibleInterval(0.95);
        assertEquals(Math.pow(0.025, 1.0 / 3), interval.low(), 1e-9);
        assertEquals(Math.pow(0.975, 1.0 / 3), interval.high(), 1e-9);
        assertEquals(0.2924017738, interval.low(), 1e-9);
        assertEquals(0.9915962413, interval.high(), 1e-9);
    }

    /** scipy 1.17: beta.ppf([0.025, 0.975], 31, 971) and beta.ppf([0.025, 0.975], 2, 2). */
    @Test
    void conversionRatePosteriorsMatchScipysQuantiles() {
        CredibleInterval thirtyOfAThousand = BetaPosterior.afterObserving(30, 1000).credibleInterval(0.95);
        assertEquals(0.02113694, thirtyOfAThousand.low(), 1e-8);
        assertEquals(0.04250917, thirtyOfAThousand.high(), 1e-8);
        CredibleInterval oneOfTwo = BetaPosterior.afterObserving(1, 2).credibleInterval(0.95);
        assertEquals(0.09429932, oneOfTwo.low(), 1e-8);
        assertEquals(0.90570068, oneOfTwo.high(), 1e-8);
    }

    /** The 97.5 % point of the standard Normal is 1.959964 (any table). */
    @Test
    void normalPosteriorIntervalIsTheMeanPlusOrMinusOnePointNineSixStandardErrors() {
        CredibleInterval interval = new NormalPosterior(10.0, 2.0).credibleInterval(0.95);
        assertEquals(10.0 - 1.959964 * 2.0, interval.low(), 1e-5);
        assertEquals(10.0 + 1.959964 * 2.0, interval.high(), 1e-5);
    }

    @Test
    void everyVerdictCarriesItsVariantsOwnIntervalAtTheComparisonsLevel() {
        List<BetaPosterior> arms = List.of(BetaPosterior.afterObserving(30, 1000), BetaPosterior.afterObserving(2, 2));
        List<BayesianVerdict> verdicts = BayesianComparison.compare(arms, 0, 0.95);
        assertEquals(0.02113694, verdicts.get(0).interval().low(), 1e-8);
        assertEquals(0.9915962413, verdicts.get(1).interval().high(), 1e-9);
        assertEquals(0.95, verdicts.get(1).interval().level());
    }

    @Test
    void aLevelOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new NormalPosterior(0, 1).credibleInterval(1.0));
    }
}
