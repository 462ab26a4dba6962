package io.mops.approval.directory;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.HashSet;
import java.util.Set;

/**
 * The caller as approval rules see them: their name and every group and realm role their token carries. Group
 * membership comes from the token's {@code groups} claim (Keycloak's group membership mapper), so a person's seat
 * follows what Keycloak says at sign-in.
 */
public record Approver(String name, Set<String> memberships, boolean coe) {

    public static Approver of(SecurityIdentity identity) {
        Set<String> memberships = new HashSet<>(identity.getRoles());
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Set<String> groups = token.getGroups();
            if (groups != null) {
                groups.forEach(g -> memberships.add(g.startsWith("/") ? g.substring(1) : g));
            }
        }
        return new Approver(identity.getPrincipal().getName(), Set.copyOf(memberships),
                identity.hasRole(io.mops.common.security.Roles.COE));
    }
}
