package io.mops.gateway.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per caller (Bucket4j), so that one team's runaway script cannot starve the others. Buckets live
 * in this gateway instance: with N replicas a caller gets up to N times the limit, which is the price of not
 * sharing state between replicas. Callers are service accounts and signed-in people, a bounded set.
 */
@ApplicationScoped
public class CallerRateLimiter {

    private final RateLimitConfig config;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public CallerRateLimiter(RateLimitConfig config) {
        this.config = config;
    }

    /** @return empty when the request may pass, otherwise the seconds until the caller may try again */
    public OptionalLong tryAcquire(String caller) {
        ConsumptionProbe probe = buckets.computeIfAbsent(caller, this::newBucket).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()));
    }

    private Bucket newBucket(String caller) {
        int perMinute = config.perCaller().getOrDefault(caller, config.requestsPerMinute());
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
    }
}
