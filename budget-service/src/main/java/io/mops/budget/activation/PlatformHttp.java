package io.mops.budget.activation;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;

/**
 * The HTTP exchange with a platform, on Vert.x's web client: non-blocking, and its answers arrive on the event loop,
 * where the sender's database work (Hibernate Reactive) must run.
 */
@ApplicationScoped
public class PlatformHttp {

    private final WebClient client;
    private final ActivationConfig config;

    public PlatformHttp(Vertx vertx, ActivationConfig config) {
        this.client = WebClient.create(vertx);
        this.config = config;
    }

    public Uni<PlatformAnswer> send(PlatformRequest request, Map<String, String> headers) {
        var http = client.requestAbs(HttpMethod.valueOf(request.method()), request.url())
                .timeout(config.requestTimeout().toMillis())
                .putHeader("Content-Type", request.contentType());
        headers.forEach(http::putHeader);
        return http.sendBuffer(Buffer.buffer(request.body()))
                .map(response -> new PlatformAnswer(response.statusCode(),
                        response.body() == null ? "" : response.bodyAsString(),
                        Optional.ofNullable(response.getHeader("Retry-After"))))
                .onFailure().recoverWithItem(PlatformAnswer::lost);
    }

    /** A form POST (an OAuth token request), answered as text. */
    public Uni<PlatformAnswer> postForm(String url, Map<String, String> form) {
        MultiMap fields = MultiMap.caseInsensitiveMultiMap();
        form.forEach(fields::add);
        return client.postAbs(url).timeout(config.requestTimeout().toMillis()).sendForm(fields)
                .map(response -> new PlatformAnswer(response.statusCode(),
                        response.body() == null ? "" : response.bodyAsString(), Optional.empty()))
                .onFailure().recoverWithItem(PlatformAnswer::lost);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
