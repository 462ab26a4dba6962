package io.mops.qa.forecast;

import java.util.Arrays;
import java.util.Optional;

/**
 * How many of {@code trials} exposures (or clicks) succeed when the campaign's rate is itself uncertain, distributed
 * Beta(α, β): the beta-binomial distribution, P(X = k) = C(n, k) B(k + α, n − k + β) / B(α, β) — or a weighted
 * mixture of beta-binomials over the same trials, when the rate's uncertainty is itself a mixture.
 *
 * <p>Neither Commons Statistics nor Hipparchus has it, so it is computed here, exactly: each beta-binomial's
 * probabilities are walked outward from its mode with the ratio P(k + 1)/P(k) = (n − k)(k + α) / ((k + 1)(n − k − 1
 * + β)) until they fall below 10<sup>−17</sup> of the mode's on both sides, then normalised, so the tails left out
 * weigh less than 10<sup>−12</sup> together. Quantiles and tail probabilities are read off the cumulative sums. The
 * walk is what limits the size: a distribution that spreads over more than {@value #MAX_COUNTS} counts is not built
 * (a forecast then uses the continuous limit, where one count more or less no longer matters).
 */
public final class BetaBinomial {

    /** The most counts a distribution holds (8 MB of doubles). */
    static final int MAX_COUNTS = 1 << 20;
    private static final double NEGLIGIBLE = 1e-17;

    private final long trials;
    private final double mean;
    private final double variance;
    private final long first;
    private final double[] cumulative;

    private BetaBinomial(long trials, double mean, double variance, long first, double[] cumulative) {
        this.trials = trials;
        this.mean = mean;
        this.variance = variance;
        this.first = first;
        this.cumulative = cumulative;
    }

    /** The distribution count by count, or empty when it spreads over more than {@value #MAX_COUNTS} counts. */
    public static Optional<BetaBinomial> of(long trials, double alpha, double beta) {
        return mixture(trials, new double[]{1}, new double[]{alpha}, new double[]{beta});
    }

    /**
     * The mixture Σ w<sub>j</sub>·BetaBinomial(n, α<sub>j</sub>, β<sub>j</sub>) (weights summing to 1), count by
     * count, or empty when it spreads over more than {@value #MAX_COUNTS} counts.
     */
    public static Optional<BetaBinomial> mixture(long trials, double[] weights, double[] alphas, double[] betas) {
        if (trials < 0) {
            throw new IllegalArgumentException("a beta-binomial needs n >= 0, got " + trials);
        }
        Walked[] walks = new Walked[weights.length];
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        double mean = 0;
        double secondMoment = 0;
        for (int j = 0; j < weights.length; j++) {
            if (weights[j] == 0) {
                continue;
            }
            Optional<Walked> walked = walk(trials, alphas[j], betas[j]);
            if (walked.isEmpty()) {
                return Optional.empty();
            }
            walks[j] = walked.get();
            first = Math.min(first, walks[j].first);
            last = Math.max(last, walks[j].first + walks[j].probabilities.length - 1);
            if (last - first >= MAX_COUNTS) {
                return Optional.empty();
            }
            double s = alphas[j] + betas[j];
            double m = trials * alphas[j] / s;
            double v = trials * alphas[j] * betas[j] * (s + trials) / (s * s * (s + 1));
            mean += weights[j] * m;
            secondMoment += weights[j] * (v + m * m);
        }
        if (first == Long.MAX_VALUE) {
            throw new IllegalArgumentException("a mixture needs a positive weight");
        }
        double[] cumulative = new double[(int) (last - first + 1)];
        for (int j = 0; j < walks.length; j++) {
            if (walks[j] != null) {
                int offset = (int) (walks[j].first - first);
                double[] probabilities = walks[j].probabilities;
                for (int i = 0; i < probabilities.length; i++) {
                    cumulative[offset + i] += weights[j] * probabilities[i];
                }
            }
        }
        double total = 0;
        for (int i = 0; i < cumulative.length; i++) {
            total += cumulative[i];
            cumulative[i] = total;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= total;
        }
        return Optional.of(new BetaBinomial(trials, mean, Math.max(0, secondMoment - mean * mean), first, cumulative));
    }

    /** One beta-binomial's probabilities from its lowest to its highest non-negligible count, summing to 1. */
    private record Walked(long first, double[] probabilities) {
    }

    private static Optional<Walked> walk(long trials, double alpha, double beta) {
        if (!(alpha > 0) || !(beta > 0) || Double.isInfinite(alpha) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("a beta-binomial needs finite α, β > 0, got " + alpha + ", " + beta);
        }
        long start = mode(trials, alpha, beta);
        Growing right = new Growing();
        double p = 1;
        double largest = 1;
        for (long k = start; k < trials; k++) {
            double ratio = ratio(trials, alpha, beta, k);
            p *= ratio;
            largest = Math.max(largest, p);
            right.add(p);
            if (p < NEGLIGIBLE * largest && ratio < 1) {
                break;
            }
            if (right.size > MAX_COUNTS) {
                return Optional.empty();
            }
        }
        Growing left = new Growing();
        p = 1;
        for (long k = start - 1; k >= 0; k--) {
            double ratio = ratio(trials, alpha, beta, k);
            p /= ratio;
            largest = Math.max(largest, p);
            left.add(p);
            if (p < NEGLIGIBLE * largest && ratio > 1) {
                break;
            }
            if (left.size + right.size > MAX_COUNTS) {
                return Optional.empty();
            }
        }
        double[] probabilities = new double[left.size + 1 + right.size];
        for (int i = 0; i < left.size; i++) {
            probabilities[left.size - 1 - i] = left.values[i];
        }
        probabilities[left.size] = 1;
        System.arraycopy(right.values, 0, probabilities, left.size + 1, right.size);
        double total = 0;
        for (double probability : probabilities) {
            total += probability;
        }
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] /= total;
        }
        return Optional.of(new Walked(start - left.size, probabilities));
    }

    /** P(X = k + 1) / P(X = k). */
    private static double ratio(long n, double alpha, double beta, long k) {
        return ((n - k) * (k + alpha)) / ((k + 1) * (n - k - 1 + beta));
    }

    /**
     * The most likely count: where the ratio to the next count falls through 1 — for α, β ≥ 1 at
     * ⌈((n + 1)(α − 1)) / (α + β − 2)⌉ or next to it; 0 or n when the density piles up at an end.
     */
    private static long mode(long n, double alpha, double beta) {
        if (n == 0) {
            return 0;
        }
        double guess = alpha + beta > 2 ? (n + 1) * (alpha - 1) / (alpha + beta - 2) : n * alpha / (alpha + beta);
        long k = Math.max(0, Math.min(n, (long) Math.floor(guess)));
        while (k < n && ratio(n, alpha, beta, k) > 1) {
            k++;
        }
        while (k > 0 && ratio(n, alpha, beta, k - 1) < 1) {
            k--;
        }
        return k;
    }

    public long trials() {
        return trials;
    }

    /** E X, in closed form: n Σ w<sub>j</sub> α<sub>j</sub>/(α<sub>j</sub> + β<sub>j</sub>). */
    public double mean() {
        return mean;
    }

    /** Var X, in closed form from each beta-binomial's nαβ(α + β + n)/((α + β)²(α + β + 1)) and the weights. */
    public double variance() {
        return variance;
    }

    /** P(X ≤ k). */
    public double cumulativeProbability(long k) {
        if (k < first) {
            return 0;
        }
        long last = first + cumulative.length - 1;
        return k >= last ? 1 : cumulative[(int) (k - first)];
    }

    /** P(X = k). */
    public double probability(long k) {
        return cumulativeProbability(k) - cumulativeProbability(k - 1);
    }

    /** P(X ≥ k). */
    public double chanceOfAtLeast(long k) {
        return 1 - cumulativeProbability(k - 1);
    }

    /** The smallest count k with P(X ≤ k) ≥ p. */
    public long inverseCumulativeProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("a probability is between 0 and 1, got " + p);
        }
        int index = Arrays.binarySearch(cumulative, p);
        if (index < 0) {
            index = -index - 1;
        } else {
            while (index > 0 && cumulative[index - 1] >= p) {
                index--;
            }
        }
        return first + Math.min(index, cumulative.length - 1);
    }

    /** A growing array of probabilities, so that a walk of a million counts allocates a few arrays, not boxes. */
    private static final class Growing {
        double[] values = new double[64];
        int size;

        void add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }
}
