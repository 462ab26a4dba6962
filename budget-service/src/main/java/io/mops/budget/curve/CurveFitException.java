package io.mops.budget.curve;

/** The data cannot support a response curve (too few periods, no variation, or no convergence). */
public class CurveFitException extends IllegalArgumentException {

    public CurveFitException(String message) {
        super(message);
    }
}
