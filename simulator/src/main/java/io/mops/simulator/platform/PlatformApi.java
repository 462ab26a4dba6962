package io.mops.simulator.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * MOPS's public HTTP interface as the simulated world uses it: through the gateway ({@code /api/...}) with a real
 * token of a real caller. A refusal is an error with the platform's own problem text, never silently ignored.
 */
public final class PlatformApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public PlatformApi(String base) {
        this.base = base;
    }

    public JsonNode get(Supplier<String> token, String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    public JsonNode post(Supplier<String> token, String path, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))), token);
    }

    public JsonNode put(Supplier<String> token, String path, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))), token);
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private JsonNode send(HttpRequest.Builder request, Supplier<String> token) {
        HttpRequest built = request.header("Authorization", "Bearer " + token.get()).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(120)).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new PlatformRefusal(built.method() + " " + built.uri().getPath(), response.statusCode(),
                        response.body());
            }
            String body = response.body();
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The platform answered with an error. */
    public static final class PlatformRefusal extends RuntimeException {

        private final int status;

        PlatformRefusal(String request, int status, String body) {
            super(request + " answered " + status + ": " + body);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
