package io.mops.budget.activation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Meta's Marketing API (the Graph API). A system user's long-lived access token in {@code Authorization: Bearer}; it
 * cannot be refreshed by the service, so a refused token (error code 190) fails the request with a message to renew
 * it. Meta signals its rate limits as errors with codes 4, 17, 32, 613 and 80000–80014 (often with HTTP 400), which
 * are retried like a 429.
 */
@ApplicationScoped
public class MetaConnector implements AdPlatformConnector {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> THROTTLED = Set.of(4, 17, 32, 613);

    private final ActivationConfig.Meta config;
    private final MetaRequests requests;
    private final PlatformHttp http;
    private final Clock clock;
    private final RateLimit rateLimit;

    public MetaConnector(ActivationConfig config, PlatformHttp http, Clock clock) {
        this.config = config.meta();
        this.requests = new MetaRequests(this.config.baseUrl(), this.config.apiVersion());
        this.http = http;
        this.clock = clock;
        this.rateLimit = new RateLimit(this.config.requestsPerSecond());
    }

    @Override
    public Platform platform() {
        return Platform.META;
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
        return http.send(request, Map.of("Authorization", "Bearer " + config.accessToken().orElse("")));
    }

    @Override
    public Verdict judge(PlatformAnswer answer) {
        return judgeAnswer(answer, Instant.now(clock));
    }

    /** Meta's errors: {@code {"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}}}. */
    static Verdict judgeAnswer(PlatformAnswer answer, Instant now) {
        int status = answer.status();
        JsonNode error = error(answer.body());
        int code = error == null ? -1 : error.path("code").asInt(-1);
        String message = error == null ? answer.body() : "code " + code + ": " + error.path("message").asText("");
        if (status / 100 == 2 && error == null) {
            return new Verdict.Done();
        }
        if (status == 0 || status == 429 || status / 100 == 5 || THROTTLED.contains(code)
                || (code >= 80000 && code <= 80014)) {
            return new Verdict.Retry(Backoff.retryAfter(answer.retryAfter(), now),
                    status == 0 ? answer.body() : status + " " + message);
        }
        if (code == 190) {
            return new Verdict.Refused(status + " " + message + " (the access token is invalid or expired: renew "
                    + "mops.budget.activation.meta.access-token)");
        }
        return new Verdict.Refused(status + " " + message);
    }

    private static JsonNode error(String body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            return error.isObject() ? error : null;
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public void tokenRefused() {
        // A system user's token is renewed by a person, not by the service: judge() fails the request instead.
    }

    @Override
    public RateLimit rateLimit() {
        return rateLimit;
    }
}
