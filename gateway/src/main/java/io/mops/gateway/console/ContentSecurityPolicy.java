package io.mops.gateway.console;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Security headers on every answer of the gateway. The console's pages load scripts and styles only from the
 * gateway itself, with no inline script or style, so an injected {@code <script>} or event attribute does not run
 * even if escaping ever failed. Forms may post to the gateway and to Keycloak: signing out posts to {@code /logout},
 * which redirects to Keycloak's end-session endpoint, and browsers apply {@code form-action} to that redirect too.
 */
@ApplicationScoped
public class ContentSecurityPolicy {

    /**
     * An email under review ({@code /requests/{id}/email}), shown in the request page's {@code <iframe sandbox>}: a
     * sandbox of its own even if opened directly, no script, nothing loaded from outside — a remote image could be a
     * tracking pixel that tells the sender who reviewed it — and the inline styles emails are written with.
     */
    static final String EMAIL_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "font-src data:; form-action 'none'; base-uri 'none'; frame-ancestors 'self'";
    private static final Pattern EMAIL_PREVIEW = Pattern.compile("/requests/[^/]+/email");

    static String policy(String keycloakOrigin) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "font-src 'self'; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; "
                + "frame-ancestors 'none'; form-action 'self' " + keycloakOrigin;
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    void install(@Observes Router router,
                 @ConfigProperty(name = "quarkus.oidc.web.auth-server-url") String keycloak) {
        String csp = policy(origin(keycloak));
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            boolean email = EMAIL_PREVIEW.matcher(ctx.normalizedPath()).matches();
            ctx.addHeadersEndHandler(ignored -> ctx.response().headers()
                    .set("Content-Security-Policy", email ? EMAIL_POLICY : csp)
                    .set("X-Content-Type-Options", "nosniff")
                    .set("Referrer-Policy", "same-origin")
                    .set("X-Frame-Options", email ? "SAMEORIGIN" : "DENY"));
            ctx.next();
        });
    }
}
