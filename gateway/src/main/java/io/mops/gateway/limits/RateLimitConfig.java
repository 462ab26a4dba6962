package io.mops.gateway.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;

@ConfigMapping(prefix = "mops.gateway.rate-limit")
public interface RateLimitConfig {

    /** Requests per minute one caller may send through {@code /api}, unless {@link #perCaller()} says otherwise. */
    @WithDefault("600")
    int requestsPerMinute();

    /**
     * Limits for particular callers, by principal name ({@code service-account-<client>} for a team's service
     * account, the username for a person): a bulk importer may get more, a noisy integration less.
     */
    Map<String, Integer> perCaller();
}
