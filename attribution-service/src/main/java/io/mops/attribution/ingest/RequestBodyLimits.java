package io.mops.attribution.ingest;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Set;

/**
 * Request body limits per endpoint, which Quarkus only knows globally: {@code quarkus.http.limits.max-body-size}
 * is raised to what a streamed import (touchpoints, conversions, spend, the connectors' files) may send — a file of
 * gigabytes — and every other request is held to {@code mops.attribution.max-body-size}, the platform's usual
 * 10 MiB: those bodies are read whole. Runs right
 * after Quarkus' own limit check and works the same way: a declared length above the limit is a 413 at once; a
 * body of unknown length (chunked) is cut off at the limit by the reader.
 */
@ApplicationScoped
public class RequestBodyLimits {

    /** The streamed imports. */
    static final Set<String> IMPORT_PATHS = Set.of("/attribution/touchpoints", "/attribution/conversions",
            "/attribution/spend", "/attribution/connectors/cost-reports", "/attribution/connectors/ga4");
    /** Where Quarkus' body readers look for the limit of a request of unknown length. */
    private static final String MAX_REQUEST_SIZE_KEY = "io.quarkus.max-request-size";

    private final long limit;

    public RequestBodyLimits(@ConfigProperty(name = "mops.attribution.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        // Quarkus' own check runs at order -2; this one after it, before the resources.
        router.route().order(-1).handler(this::limit);
    }

    private void limit(RoutingContext request) {
        if (streamed(request)) {
            request.next();
            return;
        }
        String length = request.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        if (length != null && parse(length) > limit) {
            request.response().putHeader(HttpHeaderNames.CONNECTION, "close");
            request.response().setStatusCode(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code());
            request.response().endHandler(ignored -> request.request().connection().close());
            request.response().end();
            return;
        }
        if (length == null) {
            request.put(MAX_REQUEST_SIZE_KEY, limit);
        }
        request.next();
    }

    static boolean streamed(RoutingContext request) {
        String path = request.normalizedPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return request.request().method() == HttpMethod.POST && IMPORT_PATHS.contains(path);
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
