package io.mops.testing.allocation;

import io.mops.common.trackrecord.Calibration;
import io.mops.testing.trackrecord.ExperimentTrackRecord;
import io.mops.testing.trackrecord.ExperimentTrackRecord.ConcludedWinner;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole chain of a declared winner's track record, with known truth: seeded markets of three variants, the real
 * bandit ({@link BanditSimulation}) declaring a winner on period-weighted evidence, the winner's posterior at that
 * moment as the forecast, then units served the winner at its TRUE rate after the conclusion, and
 * {@link ExperimentTrackRecord}'s calibration over all of them. Unlike the forecast's own coverage test, the winner
 * here is SELECTED by the bandit and declared at a data-dependent time, the two ways a winner's forecast can be
 * flattered (the winner's curse); an honest forecast still holds about nine realised rates in ten.
 */
class WinnerTrackRecordSimulationTest {

    @Test
    void declaredWinnersRealiseInsideTheirNinetyPercentIntervalsAboutNineTimesInTen() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261206L);
        AllocationPolicy policy = new AllocationPolicy(500, 0.01, 0.1, false, 0.5, 0.01, 0.95, 0.0005);
        int unitsAfter = 2_000;
        List<ConcludedWinner> winners = new ArrayList<>();
        Instant concluded = Instant.parse("2026-12-06T00:00:00Z");
        for (int run = 0; run < 400; run++) {
            // A control at 3 % and two challengers anywhere from 2 % to 6 %: some clear winners, some close calls.
            double[] rates = {0.03, 0.02 + 0.04 * rng.nextDouble(), 0.02 + 0.04 * rng.nextDouble()};
            BanditSimulation.Outcome outcome = BanditSimulation.run(rates, 0, policy, 300_000, 5_000, rng);
            if (outcome.winner() < 0) {
                continue;
            }
            long converted = BanditSimulation.binomial(unitsAfter, rates[outcome.winner()], rng);
            winners.add(new ConcludedWinner("sim-" + run, "search", "v" + outcome.winner(),
                    concluded.plusSeconds(run), outcome.winnerPosterior().alpha(), outcome.winnerPosterior().beta(),
                    unitsAfter, converted));
        }
        Calibration calibration = ExperimentTrackRecord.of(winners, 1_000).calibration();
        String summary = calibration + " over " + winners.size() + " declared winners";
        assertTrue(winners.size() >= 200, "too few winners declared to judge: " + summary);
        // Binomial sd of the share at 0.90 over n winners is sqrt(0.09 / n), 0.021 at n = 200: three of them each
        // side of 0.90.
        double tolerance = 3 * Math.sqrt(0.09 / winners.size());
        assertTrue(Math.abs(calibration.shareInsideInterval() - 0.90) <= tolerance, summary);
    }
}
