package io.mops.budget.activation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Google Ads over REST. Every call carries {@code Authorization: Bearer <access token>}, {@code developer-token} and,
 * when calling through a manager account, {@code login-customer-id} (Google's "Authorization and HTTP headers").
 * Access tokens come from the OAuth 2.0 refresh-token grant at the token URL and are kept until a minute before they
 * expire, or until Google answers 401.
 */
@ApplicationScoped
public class GoogleAdsConnector implements AdPlatformConnector {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EARLY = Duration.ofMinutes(1);

    private final ActivationConfig.GoogleAds config;
    private final GoogleAdsRequests requests;
    private final PlatformHttp http;
    private final Clock clock;
    private final RateLimit rateLimit;
    private volatile String accessToken;
    private volatile Instant expiresAt = Instant.EPOCH;

    public GoogleAdsConnector(ActivationConfig config, PlatformHttp http, Clock clock) {
        this.config = config.googleAds();
        this.requests = new GoogleAdsRequests(this.config.baseUrl(), this.config.apiVersion());
        this.http = http;
        this.clock = clock;
        this.rateLimit = new RateLimit(this.config.requestsPerSecond());
    }

    @Override
    public Platform platform() {
        return Platform.GOOGLE_ADS;
    }

    @Override
    public boolean live() {
        return config.mode() == ActivationConfig.Mode.LIVE;
    }

    @Override
    public PlatformRequests requests() {
        return requests;
    }

    @Override
    public Uni<PlatformAnswer> send(PlatformRequest request) {
        return token().chain(token -> {
            if (token == null) {
                return Uni.createFrom().item(new PlatformAnswer(401,
                        "{\"error\":{\"message\":\"no access token: the refresh-token grant was refused\"}}",
                        java.util.Optional.empty()));
            }
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Authorization", "Bearer " + token);
            headers.put("developer-token", config.developerToken().orElse(""));
            config.loginCustomerId().ifPresent(id -> headers.put("login-customer-id", id));
            return http.send(request, headers);
        });
    }

    /** The cached access token, or a new one from the refresh-token grant; null when the grant is refused. */
    private Uni<String> token() {
        Instant now = Instant.now(clock);
        if (accessToken != null && now.isBefore(expiresAt.minus(EARLY))) {
            return Uni.createFrom().item(accessToken);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", config.clientId().orElse(""));
        form.put("client_secret", config.clientSecret().orElse(""));
        form.put("refresh_token", config.refreshToken().orElse(""));
        return http.postForm(config.tokenUrl(), form).map(answer -> {
            if (answer.status() / 100 != 2) {
                Log.warnf("Google OAuth token refresh refused (%d): %s", answer.status(), answer.body());
                return null;
            }
            try {
                JsonNode token = JSON.readTree(answer.body());
                accessToken = token.path("access_token").asText(null);
                expiresAt = now.plusSeconds(token.path("expires_in").asLong(3600));
                return accessToken;
            } catch (Exception e) {
                Log.warnf("Google OAuth token answer unreadable: %s", e.getMessage());
                return null;
            }
        });
    }

    @Override
    public void tokenRefused() {
        accessToken = null;
    }

    /**
     * Google's REST errors: {@code {"error": {"code", "message", "status", "details"}}}; 401 UNAUTHENTICATED for an
     * expired token, 429 RESOURCE_EXHAUSTED for a rate limit, 5xx for Google's own failures; any other 4xx is the
     * request's fault.
     */
    @Override
    public Verdict judge(PlatformAnswer answer) {
        return judgeAnswer(answer, Instant.now(clock));
    }

    static Verdict judgeAnswer(PlatformAnswer answer, Instant now) {
        int status = answer.status();
        if (status / 100 == 2) {
            return new Verdict.Done();
        }
        if (status == 401) {
            return new Verdict.TokenRefused();
        }
        if (status == 0 || status == 429 || status / 100 == 5) {
            return new Verdict.Retry(Backoff.retryAfter(answer.retryAfter(), now),
                    status == 0 ? answer.body() : status + " " + message(answer.body()));
        }
        return new Verdict.Refused(status + " " + message(answer.body()));
    }

    private static String message(String body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            if (error.isObject()) {
                return error.path("status").asText("") + ": " + error.path("message").asText("");
            }
        } catch (Exception e) {
            // not JSON: the body itself says what it says
        }
        return body.length() > 500 ? body.substring(0, 500) : body;
    }

    @Override
    public RateLimit rateLimit() {
        return rateLimit;
    }
}
