package io.mops.budget.activation;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A platform in live mode without its credentials refuses to start the service: a misconfigured deployment is stopped
 * at once instead of failing every request it would send (and keeping decisions off the platform unseen).
 */
@ApplicationScoped
public class LiveCredentials {

    void check(@Observes StartupEvent start, ActivationConfig config) {
        List<String> missing = missing(config);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("live ad-platform activation needs its credentials; missing: "
                    + String.join(", ", missing) + " (set them, or leave the platform in DRY_RUN)");
        }
    }

    /** The keys a live platform needs and lacks, in the order the docs list them. */
    static List<String> missing(ActivationConfig config) {
        List<String> missing = new ArrayList<>();
        if (config.googleAds().mode() == ActivationConfig.Mode.LIVE) {
            Map<String, Optional<String>> google = new LinkedHashMap<>();
            google.put("developer-token", config.googleAds().developerToken());
            google.put("client-id", config.googleAds().clientId());
            google.put("client-secret", config.googleAds().clientSecret());
            google.put("refresh-token", config.googleAds().refreshToken());
            missing.addAll(blank("mops.budget.activation.google-ads.", google));
        }
        if (config.meta().mode() == ActivationConfig.Mode.LIVE) {
            missing.addAll(blank("mops.budget.activation.meta.",
                    Map.of("access-token", config.meta().accessToken())));
        }
        return missing;
    }

    private static List<String> blank(String prefix, Map<String, Optional<String>> values) {
        return values.entrySet().stream().filter(e -> e.getValue().map(String::isBlank).orElse(true))
                .map(e -> prefix + e.getKey()).toList();
    }
}
