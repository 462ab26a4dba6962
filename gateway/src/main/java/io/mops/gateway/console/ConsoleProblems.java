package io.mops.gateway.console;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A person refused a console page reads why, in a page with the console's navigation, not a blank 403. */
public class ConsoleProblems {

    private final SecurityIdentity identity;

    public ConsoleProblems(SecurityIdentity identity) {
        this.identity = identity;
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers) {
        boolean browser = headers.getAcceptableMediaTypes().stream().anyMatch(t -> t.isCompatible(MediaType.TEXT_HTML_TYPE)
                && !t.isWildcardType());
        if (!browser || identity.isAnonymous()) {
            return Response.status(403).type("application/problem+json")
                    .entity("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403}").build();
        }
        return Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(ConsoleResource.Templates.problem(Viewer.of(identity), 403, "Not for you",
                        "This page is for the Centre of Excellence; your role does not include it."))
                .build();
    }
}
