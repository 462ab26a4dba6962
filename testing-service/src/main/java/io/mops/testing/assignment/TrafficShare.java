package io.mops.testing.assignment;

import java.util.Objects;

/**
 * One variant's slice of an experiment's traffic.
 *
 * @param share the fraction of the hash space this variant's bucket covers
 * @param live  {@code false} for an eliminated variant: its bucket is kept in place so that no other variant's
 *              units move, and the units landing in it are re-hashed among the live variants
 */
public record TrafficShare(String variantKey, double share, boolean live) {

    public TrafficShare {
        Objects.requireNonNull(variantKey, "variantKey");
        if (!(share >= 0.0) || Double.isInfinite(share)) {
            throw new IllegalArgumentException("share of " + variantKey + " must be a finite number >= 0, was " + share);
        }
    }

    public static TrafficShare live(String variantKey, double share) {
        return new TrafficShare(variantKey, share, true);
    }

    public static TrafficShare eliminated(String variantKey, double share) {
        return new TrafficShare(variantKey, share, false);
    }
}
