package io.mops.testing.allocation;

import java.util.Map;

/**
 * How strongly the data say that the leader does better than each other live variant ({@link BestVariantRule}).
 *
 * @param leader    the live variant most likely to be best
 * @param threshold {@code elimination-error-rate / (K - 1)}: a p-value at or below it proves the leader better
 * @param pValues   per other live variant, the always-valid p-value of "it is at least as good as the leader in
 *                  every allocation period"
 * @param proven    every p-value is at or below the threshold: the leader may be declared the winner
 */
public record LeaderEvidence(String leader, double threshold, Map<String, Double> pValues, boolean proven) {
}
