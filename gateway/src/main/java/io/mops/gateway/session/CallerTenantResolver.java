package io.mops.gateway.session;

import io.quarkus.oidc.TenantResolver;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Chooses how a caller signs in: a program with a bearer token (or with none, not asking for HTML) is verified
 * as a bearer by the default tenant and gets a 401 when it has none; a person in a browser goes through the
 * Keycloak login page (the {@code web} tenant) and then carries a session cookie.
 */
@ApplicationScoped
public class CallerTenantResolver implements TenantResolver {

    static final String WEB = "web";

    @Override
    public String resolve(RoutingContext ctx) {
        if (ctx.request().getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return null;
        }
        if (ctx.request().cookies().stream().anyMatch(c -> c.getName().startsWith("q_session"))) {
            return WEB;
        }
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html") ? WEB : null;
    }
}
