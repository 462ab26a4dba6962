package io.mops.gateway.session;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.Set;
import java.util.TreeSet;

@Path("/")
@Authenticated
public class MeResource {

    /** Who the gateway thinks is calling: what the services will see in the token. */
    public record Me(String name, Set<String> roles, String channel) {
    }

    private final SecurityIdentity identity;

    public MeResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @Path("me")
    @Operation(summary = "The signed-in caller: name, realm roles and channel")
    public Me me() {
        String channel = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("channel") != null
                ? jwt.getClaim("channel").toString()
                : null;
        return new Me(identity.getPrincipal().getName(), new TreeSet<>(identity.getRoles()), channel);
    }

    @GET
    @Path("login")
    @Operation(summary = "Signs a person in through Keycloak, then returns to the start page")
    public Response login() {
        return Response.seeOther(URI.create("/")).build();
    }
}
