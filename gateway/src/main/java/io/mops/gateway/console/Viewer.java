package io.mops.gateway.console;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Set;

/**
 * The signed-in person as the console needs them: a name to greet, what they may do, their approver groups (the
 * token's {@code groups} claim, as approval-service reads it) and their token.
 */
public record Viewer(String name, boolean approver, boolean coe, String channel, List<String> groups, String bearer) {

    static final String APPROVER = "approver";
    static final String COE = "coe";
    static final String CHANNEL_TEAM = "channel-team";

    static Viewer of(SecurityIdentity identity) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        String channel = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("channel") != null
                ? jwt.getClaim("channel").toString() : null;
        Set<String> groups = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getGroups() : null;
        return new Viewer(identity.getPrincipal().getName(), identity.hasRole(APPROVER), identity.hasRole(COE),
                channel, groups == null ? List.of() : groups.stream().map(g -> g.startsWith("/") ? g.substring(1) : g)
                        .sorted().toList(), token == null ? null : "Bearer " + token.getToken());
    }

    public boolean channelTeam() {
        return channel != null && !coe;
    }
}
