package io.mops.testing.experiment;

import io.mops.testing.allocation.AllocationPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The service's configuration ({@code mops.testing.*} in application.properties): the analysis' and the bandit's
 * thresholds; see docs/testing.md. The results feature builds its analysis from it.
 */
@ConfigMapping(prefix = "mops.testing")
public interface TestingConfig {

    @WithDefault("0.95")
    double confidenceLevel();

    /** Default minimum detectable effect (relative uplift) of the always-valid test's mixing scale. */
    @WithDefault("0.1")
    double relativeEffectOfInterest();

    Sequential sequential();

    Bandit bandit();

    Guardrail guardrail();

    /** Defaults of the always-valid test for experiments created without a baseline. */
    interface Sequential {
        /** Expected conversion rate of a binary metric's control. */
        @WithDefault("0.03")
        double baselineRate();

        /** Effect, in standard deviations of the per-unit value, for a continuous metric without a baseline. */
        @WithDefault("0.05")
        double standardisedEffect();
    }

    interface Guardrail {
        @WithDefault("0.01")
        double threshold();

        /** Rise of the harm rate to find fastest, relative to {@link #baselineRate()}. */
        @WithDefault("1.0")
        double relativeEffectOfInterest();

        /** Expected harm rate (unsubscribes, complaints) of the control. */
        @WithDefault("0.01")
        double baselineRate();
    }

    interface Bandit {
        @WithDefault("500")
        long burnInExposures();

        @WithDefault("0.01")
        double minimumExplorationShare();

        @WithDefault("0.1")
        double explorationBudget();

        @WithDefault("false")
        boolean topTwo();

        @WithDefault("0.5")
        double leaderProbability();

        /** Chance that the best variant is ever lost: eliminated, or passed over by a declared winner. */
        @WithDefault("0.01")
        double eliminationErrorRate();

        @WithDefault("0.95")
        double winnerChanceToBeBest();

        @WithDefault("0.0005")
        double winnerExpectedLoss();

        /** How often the scheduler looks for experiments whose own cadence has elapsed (read by the scheduler). */
        @WithDefault("1m")
        String schedulerTick();
    }

    default AllocationPolicy policy() {
        Bandit b = bandit();
        return new AllocationPolicy(b.burnInExposures(), b.minimumExplorationShare(), b.explorationBudget(),
                b.topTwo(), b.leaderProbability(), b.eliminationErrorRate(), b.winnerChanceToBeBest(),
                b.winnerExpectedLoss());
    }

    default SequentialPlan.Defaults sequentialDefaults() {
        return new SequentialPlan.Defaults(relativeEffectOfInterest(), sequential().baselineRate(),
                sequential().standardisedEffect(), guardrail().relativeEffectOfInterest(), guardrail().baselineRate());
    }
}
