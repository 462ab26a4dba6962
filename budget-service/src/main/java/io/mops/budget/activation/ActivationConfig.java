package io.mops.budget.activation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Decisions sent to the ad platforms (docs/connectors.md, "Out"). Each platform is in {@code DRY_RUN} (the default:
 * requests are built and recorded, nothing is sent) or {@code LIVE}; a live platform without its credentials refuses
 * to start ({@link LiveCredentials}).
 */
@ConfigMapping(prefix = "mops.budget.activation")
public interface ActivationConfig {

    enum Mode { DRY_RUN, LIVE }

    /** How often the sender looks for due requests ({@code off}: never, for tests that only read what was recorded). */
    @WithDefault("5s")
    String sendInterval();

    /** Attempts per request (the first included) before a request still refused by a retryable answer is FAILED. */
    @WithDefault("6")
    int maxAttempts();

    /** The wait before the second attempt after a 5xx, 429 or a lost connection; doubled for each later one. */
    @WithDefault("PT2S")
    Duration backoff();

    /** The longest wait between two attempts, Retry-After included. */
    @WithDefault("PT10M")
    Duration maxBackoff();

    /** How long one exchange with a platform may take before it counts as lost (and is retried). */
    @WithDefault("PT30S")
    Duration requestTimeout();

    GoogleAds googleAds();

    Meta meta();

    interface GoogleAds {
        @WithDefault("DRY_RUN")
        Mode mode();

        @WithDefault("https://googleads.googleapis.com")
        String baseUrl();

        @WithDefault("v17")
        String apiVersion();

        /** Google's OAuth 2.0 token endpoint, where the refresh token is exchanged for an access token. */
        @WithDefault("https://oauth2.googleapis.com/token")
        String tokenUrl();

        Optional<String> developerToken();

        Optional<String> clientId();

        Optional<String> clientSecret();

        Optional<String> refreshToken();

        /** The manager account's customer id, sent as {@code login-customer-id}; absent when calling as the client. */
        Optional<String> loginCustomerId();

        /** At most this many requests a second to Google Ads, from this service. */
        @WithDefault("5")
        double requestsPerSecond();
    }

    interface Meta {
        @WithDefault("DRY_RUN")
        Mode mode();

        @WithDefault("https://graph.facebook.com")
        String baseUrl();

        @WithDefault("v21.0")
        String apiVersion();

        /** A system user's access token with the ads_management permission. */
        Optional<String> accessToken();

        /** At most this many requests a second to the Marketing API, from this service. */
        @WithDefault("2")
        double requestsPerSecond();
    }
}
