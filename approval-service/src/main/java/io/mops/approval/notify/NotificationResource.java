package io.mops.approval.notify;

import io.mops.approval.directory.ApproverDirectory;
import io.mops.common.problem.InvalidRequestException;
import io.mops.common.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/approvals")
@Tag(name = "Notifications")
@SecurityRequirement(name = "SecurityScheme")
public class NotificationResource {

    public record Preference(@NotNull NotificationPreference.Mode mode) {
    }

    public record Webhook(@NotBlank @Size(max = 2000) String url, @NotBlank @Size(min = 16, max = 200) String secret) {
    }

    public record WebhookView(String group, String url, String changedBy, Instant changedAt) {
    }

    public record DeliveryView(UUID id, String state, int attempts, Integer lastStatus, String lastError,
                               Instant createdAt, Instant nextAttemptAt, Instant deliveredAt, Instant failedAt,
                               String body) {
    }

    private final SecurityIdentity identity;
    private final ApproverDirectory directory;
    private final Clock clock;

    public NotificationResource(SecurityIdentity identity, ApproverDirectory directory, Clock clock) {
        this.identity = identity;
        this.directory = directory;
        this.clock = clock;
    }

    @GET
    @Path("/notification-preference")
    @RolesAllowed({Roles.APPROVER, Roles.COE})
    @Operation(summary = "How the caller hears about approvals (IMMEDIATE unless set)")
    public Uni<Preference> preference() {
        return Panache.withSession(() -> NotificationPreference.<NotificationPreference>findById(
                        identity.getPrincipal().getName()))
                .map(p -> new Preference(p == null ? NotificationPreference.Mode.IMMEDIATE : p.mode));
    }

    @PUT
    @Path("/notification-preference")
    @RolesAllowed({Roles.APPROVER, Roles.COE})
    @Operation(summary = "IMMEDIATE: a mail per assignment, reminder, escalation and decision; DAILY_DIGEST: one mail a "
            + "day with all of them")
    public Uni<Preference> setPreference(@NotNull @Valid Preference wanted) {
        String me = identity.getPrincipal().getName();
        return Panache.withTransaction(() -> NotificationPreference.<NotificationPreference>findById(me).chain(p -> {
            NotificationPreference row = p == null ? new NotificationPreference() : p;
            row.username = me;
            row.mode = wanted.mode();
            row.updatedAt = clock.instant();
            return p == null ? row.persist().replaceWith(wanted) : Uni.createFrom().item(wanted);
        }));
    }

    @PUT
    @Path("/webhooks/{group}")
    @RolesAllowed(Roles.COE)
    @Operation(summary = "Where a group's approval news is posted (JSON with a Slack-compatible 'text'), signed with "
            + "HMAC-SHA256 over '<X-Mops-Timestamp>.<body>' with the secret (CoE)")
    public Uni<WebhookView> setWebhook(@PathParam("group") String group, @NotNull @Valid Webhook hook) {
        if (directory.members(group).isEmpty()) {
            throw new InvalidRequestException("group", "unknown group or role '" + group + "'");
        }
        URI uri;
        try {
            uri = URI.create(hook.url());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("url", "is no URL");
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new InvalidRequestException("url", "must be http or https");
        }
        String me = identity.getPrincipal().getName();
        return Panache.withTransaction(() -> GroupWebhook.<GroupWebhook>findById(group).chain(found -> {
            GroupWebhook row = found == null ? new GroupWebhook() : found;
            row.group = group;
            row.url = hook.url();
            row.secret = hook.secret();
            row.changedBy = me;
            row.changedAt = clock.instant();
            return (found == null ? row.persist() : Uni.createFrom().item(row))
                    .map(ignored -> new WebhookView(row.group, row.url, row.changedBy, row.changedAt));
        }));
    }

    @GET
    @Path("/webhooks/{group}/deliveries")
    @RolesAllowed(Roles.COE)
    @Operation(summary = "The group's latest webhook deliveries: delivered, retrying (with the next attempt) or failed")
    public Uni<List<DeliveryView>> deliveries(@PathParam("group") String group) {
        return Panache.withSession(() -> WebhookDelivery.<WebhookDelivery>find("group", Sort.descending("createdAt"),
                        group).page(0, 100).list())
                .map(all -> all.stream().map(d -> new DeliveryView(d.id, d.state(), d.attempts, d.lastStatus,
                        d.lastError, d.createdAt, d.nextAttemptAt, d.deliveredAt, d.failedAt, d.body)).toList());
    }
}
