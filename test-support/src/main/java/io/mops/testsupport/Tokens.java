package io.mops.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Real access tokens from the local Keycloak's {@code mops} realm (infra/keycloak/mops-realm.json), the way
 * callers get them: client credentials for a team's service account, the password grant for a person.
 */
public final class Tokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(String token, Instant expires) {
    }

    private Tokens() {
    }

    /** A service account's token, e.g. {@code channel-search} (secret {@code channel-search-secret}). */
    public static String serviceAccount(String clientId) {
        return cached("client:" + clientId, () -> request(Map.of(
                "grant_type", "client_credentials",
                "client_id", clientId,
                "client_secret", clientId + "-secret")));
    }

    /** A demo user's token through the password grant of the {@code mops-cli} client, e.g. {@code alice}. */
    public static String user(String username) {
        return cached("user:" + username, () -> request(Map.of(
                "grant_type", "password",
                "client_id", "mops-cli",
                "username", username,
                "password", username + "-local")));
    }

    /** The token's claims, decoded without verification (tests only read what Keycloak put in). */
    public static JsonNode claims(String token) {
        try {
            String payload = token.split("\\.")[1];
            return JSON.readTree(java.util.Base64.getUrlDecoder().decode(payload));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cached(String key, java.util.function.Supplier<Cached> fetch) {
        Cached hit = CACHE.get(key);
        if (hit == null || hit.expires().isBefore(Instant.now().plusSeconds(30))) {
            hit = fetch.get();
            CACHE.put(key, hit);
        }
        return hit.token();
    }

    private static Cached request(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(LocalStack.ensureRunning().oidcUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + form.get("client_id") + "/"
                        + form.getOrDefault("username", "-") + ": " + response.statusCode() + " " + response.body());
            }
            JsonNode json = JSON.readTree(response.body());
            return new Cached(json.get("access_token").asText(),
                    Instant.now().plusSeconds(json.get("expires_in").asLong()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
