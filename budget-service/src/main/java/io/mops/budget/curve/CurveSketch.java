package io.mops.budget.curve;

import java.util.ArrayList;
import java.util.List;

/**
 * A response curve drawn for people: the outcome over a whole plan period of {@code periods} evidence periods when an
 * amount is spent evenly across it, {@code periods · f(spend / periods)} with {@code f} the curve's settled outcome per
 * period — the same scaling the optimiser judges a plan's allocations by — at evenly spaced amounts from zero to half
 * again the larger of the two amounts marked on it.
 */
public record CurveSketch(List<Double> spend, List<Double> outcome, double outcomeBefore, double outcomeAfter) {

    /** Enough points for a smooth line at the size a console draws it. */
    public static final int POINTS = 41;

    public static CurveSketch of(ResponseCurve curve, double periods, double before, double after) {
        if (!(periods > 0)) {
            throw new IllegalArgumentException("periods must be positive, was " + periods);
        }
        double upper = 1.5 * Math.max(Math.max(before, after), 0);
        if (!(upper > 0)) {
            upper = 1;
        }
        List<Double> spend = new ArrayList<>(POINTS);
        List<Double> outcome = new ArrayList<>(POINTS);
        for (int i = 0; i < POINTS; i++) {
            double amount = upper * i / (POINTS - 1);
            spend.add(amount);
            outcome.add(outcome(curve, periods, amount));
        }
        return new CurveSketch(List.copyOf(spend), List.copyOf(outcome), outcome(curve, periods, before),
                outcome(curve, periods, after));
    }

    private static double outcome(ResponseCurve curve, double periods, double amount) {
        return periods * curve.steadyStateOutcome(amount / periods);
    }
}
