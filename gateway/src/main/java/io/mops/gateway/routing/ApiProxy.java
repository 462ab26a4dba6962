package io.mops.gateway.routing;

import io.quarkus.logging.Log;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.util.HashMap;
import io.mops.gateway.limits.CallerRateLimiter;

import java.util.Map;

/**
 * Routes {@code /api/<segment>/...} to the service that owns {@code <segment>}, with the caller's access token.
 * Browser sessions have no Authorization header of their own, so the session's token is attached; the service
 * then checks roles and channel itself.
 */
@ApplicationScoped
public class ApiProxy {

    static final String PREFIX = "/api";

    void install(@Observes Router router, Vertx vertx, GatewayConfig config, CallerRateLimiter limiter) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(50));
        Map<String, HttpProxy> proxies = new HashMap<>();
        config.routes().forEach((segment, target) -> {
            URI uri = URI.create(target);
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .origin(uri.getPort() > 0 ? uri.getPort() : 80, uri.getHost())
                    .addInterceptor(new StripApiPrefix());
            proxies.put(segment, proxy);
            Log.infof("routing %s/%s/** to %s", PREFIX, segment, target);
        });
        router.route(PREFIX + "/*").handler(ctx -> forward(ctx, proxies, limiter));
    }

    private static void forward(RoutingContext ctx, Map<String, HttpProxy> proxies, CallerRateLimiter limiter) {
        String caller = ctx.user() instanceof QuarkusHttpUser user
                ? user.getSecurityIdentity().getPrincipal().getName()
                : "anonymous";
        String path = ctx.request().path().substring(PREFIX.length());
        CallerRateLimiter.Verdict verdict = limiter.tryAcquire(ctx.request().method().name(), path, caller);
        AccessLog.onEnd(ctx, caller, verdict.route(), AccessLog.traceId(ctx));
        // RateLimit-* as in the IETF httpapi draft, on every answer so a client can slow down before it is refused.
        ctx.addHeadersEndHandler(v -> ctx.response()
                .putHeader("RateLimit-Limit", String.valueOf(verdict.limit()))
                .putHeader("RateLimit-Remaining", String.valueOf(verdict.remaining()))
                .putHeader("RateLimit-Reset", String.valueOf(verdict.resetSeconds()))
                .putHeader("RateLimit-Policy", verdict.limit() + ";w=60"));
        if (!verdict.allowed()) {
            ctx.response().putHeader("Retry-After", String.valueOf(verdict.resetSeconds()));
            GatewayProblems.send(ctx, 429, "Too Many Requests", caller + " has used up its allowance on "
                    + verdict.route() + " requests; retry after " + verdict.resetSeconds() + " s");
            return;
        }
        String segment = path.length() > 1 ? path.substring(1).split("/", 2)[0] : "";
        HttpProxy proxy = proxies.get(segment);
        if (proxy == null) {
            GatewayProblems.send(ctx, 404, "Not found", "no service is routed at " + PREFIX + "/" + segment);
            return;
        }
        if (ctx.request().getHeader(HttpHeaders.AUTHORIZATION) == null
                && ctx.user() instanceof QuarkusHttpUser user) {
            AccessTokenCredential token = user.getSecurityIdentity().getCredential(AccessTokenCredential.class);
            if (token != null) {
                ctx.request().headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
            }
        }
        // The session cookie is the gateway's, never the services'.
        ctx.request().headers().remove(HttpHeaders.COOKIE);
        proxy.handle(ctx.request());
    }

    private static final class StripApiPrefix implements ProxyInterceptor {
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            String uri = context.request().getURI();
            context.request().setURI(uri.substring(PREFIX.length()));
            return context.sendRequest();
        }
    }
}
