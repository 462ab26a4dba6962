package io.mops.attribution.model;

import java.util.Arrays;

/**
 * The U-shaped model: fixed shares for the first and the last touchpoint, the rest split evenly among the touchpoints
 * in between (40/20/40 by default). A journey of two touchpoints splits in the ratio first:last; a journey of one
 * gives it everything.
 */
public final class PositionBased extends TouchWeightingModel {

    public static final String NAME = "position-based";
    public static final double DEFAULT_FIRST_SHARE = 0.4;
    public static final double DEFAULT_LAST_SHARE = 0.4;

    private final double firstShare;
    private final double lastShare;

    public PositionBased() {
        this(DEFAULT_FIRST_SHARE, DEFAULT_LAST_SHARE);
    }

    /** The middle touchpoints share {@code 1 - firstShare - lastShare}. */
    public PositionBased(double firstShare, double lastShare) {
        if (!(firstShare >= 0 && lastShare >= 0 && firstShare + lastShare <= 1 + 1e-12)) {
            throw new AttributionInputException(
                    "position-based shares must be non-negative and the first and last share at most 1 together");
        }
        if (firstShare + lastShare == 0) {
            throw new AttributionInputException("position-based needs a positive first or last share");
        }
        this.firstShare = firstShare;
        this.lastShare = Math.min(lastShare, 1 - firstShare);
    }

    public double firstShare() {
        return firstShare;
    }

    public double lastShare() {
        return lastShare;
    }

    public double middleShare() {
        return 1 - firstShare - lastShare;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected double[] weights(int touches) {
        double[] weights = new double[touches];
        if (touches == 1) {
            weights[0] = 1;
        } else if (touches == 2) {
            // With nobody in the middle, the middle share goes to the ends in their own ratio.
            weights[0] = firstShare / (firstShare + lastShare);
            weights[1] = lastShare / (firstShare + lastShare);
        } else {
            Arrays.fill(weights, middleShare() / (touches - 2));
            weights[0] = firstShare;
            weights[touches - 1] = lastShare;
        }
        return weights;
    }
}
