package io.mops.approval.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.approval.ApprovalConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Approver groups and realm roles with their members and mail addresses, read from Keycloak's admin API with the
 * {@code approval-directory} service account (view-users, query-groups, view-realm). Needed where no token says it:
 * checking a policy's groups and quorum, resolving a quorum of "all", and finding whom to notify. Kept as a snapshot
 * refreshed on a schedule, so request and event handling never wait on Keycloak; who may decide is read from the
 * decider's own token, never from here.
 */
@ApplicationScoped
public class ApproverDirectory implements GroupMembers {

    /** Groups (and realm roles) with their members' usernames; users' mail addresses. */
    public record Snapshot(Map<String, Set<String>> members, Map<String, String> emails) {
        static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of());
    }

    private final ApprovalConfig.Directory config;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Snapshot snapshot = Snapshot.EMPTY;

    public ApproverDirectory(ApprovalConfig config, ObjectMapper json) {
        this.config = config.directory();
        this.json = json;
    }

    public Snapshot current() {
        return snapshot;
    }

    @Override
    public Optional<Set<String>> members(String group) {
        return Optional.ofNullable(snapshot.members().get(group));
    }

    public Optional<String> email(String username) {
        return Optional.ofNullable(snapshot.emails().get(username));
    }

    /** Reads Keycloak again on a worker thread (for checks that must see a group created a moment ago). */
    public Uni<Snapshot> fresh() {
        return Uni.createFrom().item(this::refresh).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * Read once at start (on a worker thread, so Keycloak being slow delays nothing else): requests arriving in the
     * first refresh interval must already find whom to notify.
     */
    void loadAtStart(@Observes StartupEvent start) {
        Infrastructure.getDefaultWorkerPool().execute(this::scheduled);
    }

    @Scheduled(every = "${mops.approval.directory.refresh}", delayed = "${mops.approval.directory.refresh}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            refresh();
        } catch (RuntimeException e) {
            Log.warnf("approver directory not refreshed, keeping the last one: %s", e.getMessage());
        }
    }

    synchronized Snapshot refresh() {
        String token = token();
        String admin = config.realmUrl().replace("/realms/", "/admin/realms/");
        Map<String, Set<String>> members = new HashMap<>();
        Map<String, String> emails = new HashMap<>();
        for (JsonNode role : get(admin + "/roles?max=1000", token)) {
            String name = role.path("name").asText();
            // Keycloak's own composite default role is not an approver group (and its members are not listable).
            if (name.startsWith("default-roles-") || name.equals("offline_access") || name.equals("uma_authorization")) {
                continue;
            }
            try {
                members.put(name, usernames(get(admin + "/roles/" + encode(name) + "/users?max=5000", token), emails));
            } catch (IllegalStateException e) {
                Log.warnf("members of realm role %s not readable, the role is left out of the directory: %s", name,
                        e.getMessage());
            }
        }
        // A group and a realm role of the same name: the group wins (policies name groups first).
        for (JsonNode group : get(admin + "/groups?max=1000&briefRepresentation=true", token)) {
            members.put(group.path("name").asText(), usernames(get(admin + "/groups/" + group.path("id").asText()
                    + "/members?max=5000&briefRepresentation=true", token), emails));
        }
        Snapshot fresh = new Snapshot(Map.copyOf(members), Map.copyOf(emails));
        snapshot = fresh;
        return fresh;
    }

    private static Set<String> usernames(JsonNode users, Map<String, String> emails) {
        Set<String> names = new TreeSet<>();
        for (JsonNode user : users) {
            String name = user.path("username").asText();
            if (name.startsWith("service-account-")) {
                continue;
            }
            names.add(name);
            if (user.hasNonNull("email")) {
                emails.put(name, user.get("email").asText());
            }
        }
        return Set.copyOf(names);
    }

    private String token() {
        String form = "grant_type=client_credentials&client_id=" + encode(config.clientId()) + "&client_secret="
                + encode(config.clientSecret());
        JsonNode answer = send(HttpRequest.newBuilder(URI.create(config.realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        return answer.path("access_token").asText();
    }

    private JsonNode get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET());
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak answered " + response.statusCode() + " to "
                        + response.request().uri().getPath());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
