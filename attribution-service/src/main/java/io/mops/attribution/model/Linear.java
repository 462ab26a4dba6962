package io.mops.attribution.model;

import java.util.Arrays;

/** Equal credit to every touchpoint of the journey (a channel touched twice gets two shares). */
public final class Linear extends TouchWeightingModel {

    public static final String NAME = "linear";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected double[] weights(int touches) {
        double[] weights = new double[touches];
        Arrays.fill(weights, 1.0 / touches);
        return weights;
    }
}
