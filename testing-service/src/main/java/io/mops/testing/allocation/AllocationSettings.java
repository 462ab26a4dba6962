package io.mops.testing.allocation;

import io.mops.testing.results.ExperimentAnalysis;
import io.mops.testing.results.GuardrailCheck;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The bandit's thresholds ({@code mops.testing.*} in application.properties); see docs/testing.md. */
@ConfigMapping(prefix = "mops.testing")
public interface AllocationSettings {

    @WithDefault("0.95")
    double confidenceLevel();

    @WithDefault("0.1")
    double relativeEffectOfInterest();

    Bandit bandit();

    Guardrail guardrail();

    interface Guardrail {
        @WithDefault("0.01")
        double threshold();

        @WithDefault("1.0")
        double relativeEffectOfInterest();
    }

    interface Bandit {
        @WithDefault("500")
        long burnInExposures();

        @WithDefault("0.01")
        double minimumExplorationShare();

        @WithDefault("false")
        boolean topTwo();

        @WithDefault("0.5")
        double leaderProbability();

        @WithDefault("0.001")
        double eliminationThreshold();

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
        return new AllocationPolicy(b.burnInExposures(), b.minimumExplorationShare(), b.topTwo(), b.leaderProbability(),
                b.eliminationThreshold(), b.winnerChanceToBeBest(), b.winnerExpectedLoss());
    }

    default ExperimentAnalysis analysis() {
        return new ExperimentAnalysis(confidenceLevel(), relativeEffectOfInterest(), policy(),
                new GuardrailCheck(guardrail().threshold(), guardrail().relativeEffectOfInterest()));
    }
}
