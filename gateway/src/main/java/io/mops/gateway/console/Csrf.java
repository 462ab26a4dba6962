package io.mops.gateway.console;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.util.Optional;

/**
 * CSRF protection of the console's forms. A page's request gets a token (the cookie's, or a new one set as the
 * cookie); templates write it with {@code {inject:csrf.token}} into a hidden field named
 * {@code {inject:csrf.parameterName}}; every state-changing console request must carry the cookie's token in that
 * field, or it is refused with 403 before the resource runs.
 */
@RequestScoped
@Named("csrf")
public class Csrf {

    private String token;

    public String getToken() {
        return token;
    }

    public String getParameterName() {
        return CsrfToken.FIELD;
    }

    void use(String token) {
        this.token = token;
    }

    @ApplicationScoped
    public static class Filter {

        private final CsrfToken tokens;
        /** The request's token holder (a client proxy of the request-scoped bean). */
        private final Csrf csrf;

        public Filter(ConsoleConfig config, Csrf csrf) {
            this.tokens = new CsrfToken(config.csrfSecret());
            this.csrf = csrf;
        }

        /** Reads the body first (readBody) so that the form's field is there to compare. */
        @ServerRequestFilter(readBody = true)
        public Optional<Response> check(HttpServerRequest request, HttpServerResponse response,
                                        ResteasyReactiveContainerRequestContext context) {
            Cookie cookie = request.getCookie(CsrfToken.COOKIE);
            String current = cookie != null && tokens.genuine(cookie.getValue()) ? cookie.getValue() : null;
            HttpMethod method = request.method();
            boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
            if (safe) {
                if (current == null) {
                    current = tokens.issue();
                    response.addCookie(Cookie.cookie(CsrfToken.COOKIE, current).setPath("/").setHttpOnly(true)
                            .setSameSite(CookieSameSite.STRICT));
                }
                csrf.use(current);
                return Optional.empty();
            }
            Object value = ((ResteasyReactiveRequestContext) context.getServerRequestContext())
                    .getFormParameter(CsrfToken.FIELD, true, false);
            String field = value instanceof FormValue form ? form.getValue() : value == null ? null : value.toString();
            if (!tokens.matches(current, field)) {
                return Optional.of(Response.status(403).type(MediaType.TEXT_PLAIN_TYPE)
                        .entity("This form is out of date or was not sent from the MOPS console (CSRF token missing or "
                                + "wrong). Go back, reload the page and try again.").build());
            }
            csrf.use(current);
            return Optional.empty();
        }
    }
}
