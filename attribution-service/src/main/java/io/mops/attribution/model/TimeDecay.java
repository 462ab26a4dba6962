package io.mops.attribution.model;

import java.time.Duration;
import java.util.List;

/**
 * Credit that halves with every half-life between a touchpoint and the conversion: a touchpoint {@code Δt} before
 * the conversion weighs {@code 2^(-Δt / halfLife)}, and the weights of a journey are normalised to add up to one.
 * Needs the touchpoints' times, so it credits journeys, not aggregated paths.
 */
public final class TimeDecay extends TouchWeightingModel {

    public static final String NAME = "time-decay";
    public static final Duration DEFAULT_HALF_LIFE = Duration.ofDays(7);

    private final Duration halfLife;

    public TimeDecay() {
        this(DEFAULT_HALF_LIFE);
    }

    public TimeDecay(Duration halfLife) {
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new AttributionInputException("the half-life of time-decay must be positive");
        }
        this.halfLife = halfLife;
    }

    public Duration halfLife() {
        return halfLife;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected double[] weights(int touches) {
        throw new AttributionInputException(
                "time-decay weighs touchpoints by their time before the conversion; aggregated paths carry no times");
    }

    @Override
    protected double[] weights(List<Touchpoint> touchpoints, Conversion conversion) {
        // Measured from the latest touchpoint, which weighs 1: the same weights after normalising, but a journey
        // whose touchpoints all lie many half-lives back cannot underflow to 0/0.
        double latest = seconds(Duration.between(touchpoints.getLast().at(), conversion.at()));
        double[] weights = new double[touchpoints.size()];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            double halfLives = (seconds(Duration.between(touchpoints.get(i).at(), conversion.at())) - latest)
                    / seconds(halfLife);
            weights[i] = Math.pow(2, -halfLives);
            sum += weights[i];
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= sum;
        }
        return weights;
    }

    private static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }
}
