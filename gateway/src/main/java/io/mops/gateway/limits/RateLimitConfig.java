package io.mops.gateway.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "mops.gateway.rate-limit")
public interface RateLimitConfig {

    /**
     * Requests per minute one caller may send through {@code /api} outside the {@link #routes()}, unless
     * {@link #perCaller()} says otherwise.
     */
    @WithDefault("600")
    int requestsPerMinute();

    /**
     * Limits for particular callers, by principal name ({@code service-account-<client>} for a team's service
     * account, the username for a person): a bulk importer may get more, a noisy integration less.
     */
    Map<String, Integer> perCaller();

    /**
     * Routes with an allowance of their own, by name: a website asks for an assignment per visitor, an integration
     * sends touchpoints by the thousand, far more than a person's 600 a minute. A request counts against the first
     * route (in name order) whose path and method match, each caller with a bucket of its own per route; requests
     * outside every route count against the caller's general allowance.
     */
    Map<String, RouteLimit> routes();

    /**
     * How many gateway replicas share the traffic. Buckets live in each replica; each enforces its share
     * (allowance / replicas, rounded up), which with the round-robin balancing of a Kubernetes Service approximates
     * the configured allowance across all replicas without a shared store.
     */
    @WithDefault("1")
    int replicas();

    interface RouteLimit {

        /**
         * Path after {@code /api}, where a segment {@code *} stands for any one path segment and a trailing
         * segment {@code **} for anything below; the website's assignments are
         * {@code /experiments/}<i>star</i>{@code /assignments/}<i>star star</i> in application.properties.
         */
        String path();

        /** HTTP methods the route covers; absent for all. */
        Optional<List<String>> methods();

        int requestsPerMinute();

        /** Overrides of {@link #requestsPerMinute()} for particular callers on this route. */
        Map<String, Integer> perCaller();
    }
}
