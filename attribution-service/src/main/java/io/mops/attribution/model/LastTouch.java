package io.mops.attribution.model;

/** All credit to the channel the customer came through last before converting: rewards closing channels. */
public final class LastTouch extends TouchWeightingModel {

    public static final String NAME = "last-touch";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected double[] weights(int touches) {
        double[] weights = new double[touches];
        weights[touches - 1] = 1;
        return weights;
    }
}
