package io.mops.gateway.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per caller and route (Bucket4j), so that one team's runaway script cannot starve the others while
 * a website's assignment calls get the allowance they need ({@link RouteAllowances}). Buckets live in this gateway
 * instance, each replica enforcing its share of the allowance (see {@link RateLimitConfig#replicas()}). Callers are
 * service accounts and signed-in people, a bounded set.
 */
@ApplicationScoped
public class CallerRateLimiter {

    /** What a request's allowance looks like after it was counted, for the RateLimit headers. */
    public record Verdict(boolean allowed, int limit, long remaining, long resetSeconds, String route) {
    }

    private final RouteAllowances allowances;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public CallerRateLimiter(RateLimitConfig config) {
        this.allowances = new RouteAllowances(config);
    }

    /** @param path the path after {@code /api} */
    public Verdict tryAcquire(String method, String path, String caller) {
        RouteAllowances.Allowance allowance = allowances.of(method, path, caller);
        Bucket bucket = buckets.computeIfAbsent(allowance.bucket(), key -> newBucket(allowance.perMinute()));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long toFull = Duration.ofNanos(probe.isConsumed()
                ? (allowance.perMinute() - probe.getRemainingTokens()) * Duration.ofMinutes(1).toNanos() / allowance.perMinute()
                : probe.getNanosToWaitForRefill()).toSeconds();
        long reset = probe.isConsumed() ? Math.max(0, toFull) : Math.max(1, toFull);
        return new Verdict(probe.isConsumed(), allowance.perMinute(), probe.getRemainingTokens(), reset, allowance.route());
    }

    private static Bucket newBucket(int perMinute) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
    }
}
