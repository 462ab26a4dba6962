package io.mops.qa.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.common.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.List;

/**
 * Answers bodies larger than {@code quarkus.http.limits.max-body-size} with a 413 problem+json before anything reads
 * them. Quarkus enforces the same limit with an empty 413 (route order -2); this route runs just before it, so callers
 * get the same error shape as everywhere else. Chunked bodies without a Content-Length are still cut off by Quarkus
 * itself, with its plain 413.
 */
@ApplicationScoped
public class PayloadLimit {

    private final long limit;
    private final String body;

    public PayloadLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit, ObjectMapper json)
            throws JsonProcessingException {
        this.limit = limit.asLongValue();
        this.body = json.writeValueAsString(new Problem(URI.create("about:blank"), "Content Too Large", 413,
                "the request body is larger than the " + describe(this.limit) + " this service accepts", null, List.of()));
    }

    void install(@Observes Router router) {
        router.route().order(-3).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOverLimit(length)) {
                context.response()
                        .setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(body);
                return;
            }
            context.next();
        });
    }

    private boolean isOverLimit(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String describe(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
    }
}
