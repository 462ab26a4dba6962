package io.mops.attribution.model;

/** All credit to the channel that first reached the customer: rewards awareness and prospecting. */
public final class FirstTouch extends TouchWeightingModel {

    public static final String NAME = "first-touch";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected double[] weights(int touches) {
        double[] weights = new double[touches];
        weights[0] = 1;
        return weights;
    }
}
