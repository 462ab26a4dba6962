package io.mops.testing.assignment;

import org.apache.commons.codec.digest.MurmurHash3;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Deterministic, sticky assignment of units (users, anonymous ids) to an experiment's variants.
 * <p>
 * A unit's id is hashed with the experiment's seed (MurmurHash3 x64 128); the first 64 bits pick a point in
 * [0, 1) that falls into one variant's bucket, buckets being laid out in variant order with widths equal to the
 * shares. The same unit therefore gets the same variant on every call, on every instance and after restarts, for
 * as long as the split is unchanged. When a variant is eliminated its bucket stays where it was, and only the
 * units landing in it are re-hashed (with the other 64 bits) among the live variants, in proportion to their
 * shares: nobody else moves.
 * <p>
 * Instances are immutable and safe to share between threads.
 */
public final class StickyAssigner {

    /** How far the shares may add up away from one: rounding of decimal inputs, not a real imbalance. */
    public static final double SHARE_SUM_TOLERANCE = 1e-9;

    private static final double UNIT_INTERVAL_STEP = 0x1.0p-53;

    private final int seed;
    private final String[] variantKeys;
    private final double[] bucketEnds;
    private final int[] liveVariants;
    private final double[] liveBucketEnds;

    public StickyAssigner(int experimentSeed, List<TrafficShare> split) {
        if (split.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs at least one variant to assign to");
        }
        double total = split.stream().mapToDouble(TrafficShare::share).sum();
        if (Math.abs(total - 1.0) > SHARE_SUM_TOLERANCE) {
            throw new IllegalArgumentException("shares must add up to 1, they add up to " + total);
        }
        double liveTotal = split.stream().filter(TrafficShare::live).mapToDouble(TrafficShare::share).sum();
        if (liveTotal <= 0.0) {
            throw new IllegalArgumentException("at least one live variant must have a share above 0");
        }
        this.seed = experimentSeed;
        this.variantKeys = split.stream().map(TrafficShare::variantKey).toArray(String[]::new);
        this.bucketEnds = cumulative(split.stream().mapToDouble(TrafficShare::share).toArray());

        int[] live = new int[split.size()];
        int liveCount = 0;
        for (int i = 0; i < split.size(); i++) {
            if (split.get(i).live() && split.get(i).share() > 0.0) {
                live[liveCount++] = i;
            }
        }
        this.liveVariants = java.util.Arrays.copyOf(live, liveCount);
        double[] liveShares = new double[liveCount];
        for (int i = 0; i < liveCount; i++) {
            liveShares[i] = split.get(liveVariants[i]).share();
        }
        this.liveBucketEnds = cumulative(liveShares);
    }

    /** The key of the variant this unit sees. */
    public String variantFor(String unitId) {
        return variantKeys[variantIndexFor(unitId)];
    }

    /** The position (in the split's order) of the variant this unit sees. */
    public int variantIndexFor(String unitId) {
        byte[] bytes = unitId.getBytes(StandardCharsets.UTF_8);
        long[] hash = MurmurHash3.hash128x64(bytes, 0, bytes.length, seed);
        int bucket = bucketOf(bucketEnds, toUnitInterval(hash[0]));
        if (isLive(bucket)) {
            return bucket;
        }
        return liveVariants[bucketOf(liveBucketEnds, toUnitInterval(hash[1]))];
    }

    /**
     * The fraction of units each variant receives, eliminated variants' buckets being spread over the live ones:
     * the shares a sample ratio mismatch check should expect.
     */
    public double[] effectiveShares() {
        double[] effective = new double[variantKeys.length];
        double previous = 0.0;
        for (int i = 0; i < liveVariants.length; i++) {
            double end = Math.min(liveBucketEnds[i], 1.0);
            effective[liveVariants[i]] = end - previous;
            previous = end;
        }
        return effective;
    }

    private boolean isLive(int bucket) {
        return java.util.Arrays.binarySearch(liveVariants, bucket) >= 0;
    }

    private static double toUnitInterval(long bits) {
        return (bits >>> 11) * UNIT_INTERVAL_STEP;
    }

    /**
     * Normalised running totals of the shares. From the last positive share on, the end is pushed past one so
     * that a point just below one never falls past the last bucket because of rounding.
     */
    private static double[] cumulative(double[] shares) {
        double total = 0.0;
        for (double share : shares) {
            total += share;
        }
        double[] ends = new double[shares.length];
        double running = 0.0;
        int lastPositive = 0;
        for (int i = 0; i < shares.length; i++) {
            running += shares[i];
            ends[i] = running / total;
            if (shares[i] > 0.0) {
                lastPositive = i;
            }
        }
        for (int i = lastPositive; i < shares.length; i++) {
            ends[i] = 2.0;
        }
        return ends;
    }

    /** The first bucket whose end lies above the point; empty buckets (equal ends) are thereby never chosen. */
    private static int bucketOf(double[] ends, double point) {
        int low = 0;
        int high = ends.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ends[mid] > point) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
