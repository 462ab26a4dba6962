package io.mops.testing.trackrecord;

import io.mops.common.trackrecord.Forecast;
import io.mops.testing.statistics.UpliftInterval;
import org.apache.commons.statistics.distribution.NormalDistribution;

import java.util.Locale;
import java.util.Optional;

/**
 * The forecast a declared winner makes — its relative uplift over the control with a 90 % interval — and what the
 * winner brought once it was served: its mean over the units exposed after the declaration, against the control's
 * mean during the experiment.
 *
 * <p>The track record holds the winner's rate to its interval ({@link ExperimentTrackRecord}); the uplift forecast at
 * the conclusion and the uplift realised by the rollout are shown beside it.
 */
public final class WinnerRealisation {

    private WinnerRealisation() {
    }

    /**
     * The winner's uplift with a 90 % interval, from the credible interval the readout gives at its own level. That
     * interval is log-normal (the delta method on {@code ln winner − ln control}, see {@code BayesianComparison}),
     * so its ends at another level follow from its centre and half-width on the log scale.
     */
    public static Forecast ninetyPercent(UpliftInterval uplift) {
        NormalDistribution normal = NormalDistribution.of(0, 1);
        double centre = Math.log1p(uplift.estimate());
        double sigma = (Math.log1p(uplift.high()) - centre)
                / normal.inverseCumulativeProbability(0.5 + uplift.level() / 2);
        double z = normal.inverseCumulativeProbability(0.5 + Forecast.LEVEL / 2);
        return Forecast.withInterval(uplift.estimate(), Math.expm1(centre - z * sigma), Math.expm1(centre + z * sigma));
    }

    /**
     * @param controlMean the control's mean during the experiment (conversion rate, or value per unit)
     * @param units       units exposed to the winner after the declaration whose outcomes had time to arrive
     * @param total       their converted units (binary metric) or value (continuous metric)
     * @param minUnits    units needed before the realised uplift is read
     * @return the realised relative uplift, empty while fewer than {@code minUnits} units count
     */
    public static Optional<Double> realisedUplift(double controlMean, long units, double total, long minUnits) {
        if (!(controlMean > 0)) {
            throw new IllegalArgumentException("an uplift over a control mean of " + controlMean + " is undefined");
        }
        if (units < Math.max(1, minUnits)) {
            return Optional.empty();
        }
        return Optional.of((total / units) / controlMean - 1);
    }

    static String describe(double controlMean, long units, double total) {
        return String.format(Locale.ROOT, "winner's mean %.6f over %d units since the declaration against the "
                + "control's %.6f during the experiment", total / units, units, controlMean);
    }
}
