package io.mops.budget.activation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server standing in for Google's OAuth token endpoint, the Google Ads API and Meta's Graph API, answering
 * in their documented shapes: the token grant's {@code access_token}/{@code expires_in}; a mutate's {@code results};
 * Graph's {@code {"success": true}}; Google's {@code {"error": {"code", "message", "status"}}} (401 for a token it no
 * longer takes) and Meta's {@code {"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}}}.
 * <p>
 * Tests script it over HTTP (they run in another class loader than this resource): {@code POST /_stub/script} queues
 * answers for one path ({@code {"path", "answers": [{"status", "headers", "body"}]}}), then the default success;
 * {@code POST /_stub/expire-tokens} makes every access token issued so far refused (401); {@code GET
 * /_stub/received?path=} lists the requests received on a path; {@code GET /_stub/tokens} counts token grants.
 */
public class PlatformStub implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final Map<String, Deque<JsonNode>> scripts = new ConcurrentHashMap<>();
    private final List<ObjectNode> received = new CopyOnWriteArrayList<>();
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    private volatile int validFrom = 1;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::answer);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.ofEntries(
                Map.entry("mops.budget.activation.google-ads.mode", "LIVE"),
                Map.entry("mops.budget.activation.google-ads.base-url", base),
                Map.entry("mops.budget.activation.google-ads.token-url", base + "/token"),
                Map.entry("mops.budget.activation.google-ads.developer-token", "stub-developer-token"),
                Map.entry("mops.budget.activation.google-ads.client-id", "stub-client.apps.googleusercontent.com"),
                Map.entry("mops.budget.activation.google-ads.client-secret", "stub-client-secret"),
                Map.entry("mops.budget.activation.google-ads.refresh-token", "1//stub-refresh-token"),
                Map.entry("mops.budget.activation.google-ads.login-customer-id", "1112223333"),
                Map.entry("mops.budget.activation.google-ads.requests-per-second", "20"),
                Map.entry("mops.budget.activation.meta.mode", "LIVE"),
                Map.entry("mops.budget.activation.meta.base-url", base),
                Map.entry("mops.budget.activation.meta.access-token", "EAAB-stub-token"),
                Map.entry("mops.budget.activation.meta.requests-per-second", "20"),
                Map.entry("mops.budget.activation.backoff", "PT0.2S"),
                Map.entry("mops.budget.activation.max-attempts", "4"),
                Map.entry("mops.test.platform-stub", base));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        switch (path) {
            case "/_stub/script" -> {
                JsonNode script = JSON.readTree(body);
                Deque<JsonNode> queue = scripts.computeIfAbsent(script.path("path").asText(), p -> new ArrayDeque<>());
                synchronized (queue) {
                    script.path("answers").forEach(queue::add);
                }
                send(exchange, 204, null, Map.of());
            }
            case "/_stub/expire-tokens" -> {
                validFrom = issued.get() + 1;
                send(exchange, 204, null, Map.of());
            }
            case "/_stub/received" -> {
                String wanted = exchange.getRequestURI().getQuery().substring("path=".length());
                ArrayNode list = JSON.createArrayNode();
                received.stream().filter(r -> r.path("path").asText().equals(wanted)).forEach(list::add);
                send(exchange, 200, list.toString(), Map.of());
            }
            case "/_stub/tokens" -> send(exchange, 200, Integer.toString(tokenRequests.size()), Map.of());
            case "/token" -> {
                tokenRequests.add(body);
                if (!body.contains("grant_type=refresh_token") || !body.contains("refresh_token=1%2F%2Fstub-refresh-token")) {
                    send(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Bad Request\"}", Map.of());
                    return;
                }
                int token = issued.incrementAndGet();
                send(exchange, 200, "{\"access_token\":\"ya29.stub-" + token + "\",\"expires_in\":3599,"
                        + "\"scope\":\"https://www.googleapis.com/auth/adwords\",\"token_type\":\"Bearer\"}", Map.of());
            }
            default -> platform(exchange, path, body);
        }
    }

    private void platform(HttpExchange exchange, String path, String body) throws IOException {
        ObjectNode request = JSON.createObjectNode()
                .put("method", exchange.getRequestMethod())
                .put("path", path)
                .put("body", body)
                .put("at", Instant.now().toString());
        for (String header : List.of("Authorization", "developer-token", "login-customer-id", "Content-Type")) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.put(header.toLowerCase(), value);
            }
        }
        received.add(request);
        boolean google = path.contains(":mutate");
        if (google && !validToken(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication "
                    + "credentials. Expected OAuth 2 access token, login cookie or other valid authentication "
                    + "credential.\",\"status\":\"UNAUTHENTICATED\"}}", Map.of());
            return;
        }
        Deque<JsonNode> queue = scripts.get(path);
        JsonNode scripted = null;
        if (queue != null) {
            synchronized (queue) {
                scripted = queue.poll();
            }
        }
        if (scripted != null) {
            Map<String, String> headers = new java.util.HashMap<>();
            scripted.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
            send(exchange, scripted.path("status").asInt(), scripted.path("body").asText(), headers);
        } else if (google) {
            String resource = JSON.readTree(body).path("operations").path(0).path("update").path("resourceName").asText();
            send(exchange, 200, "{\"results\":[{\"resourceName\":\"" + resource + "\"}]}", Map.of());
        } else {
            send(exchange, 200, "{\"success\":true}", Map.of());
        }
    }

    private boolean validToken(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ya29.stub-")) {
            return false;
        }
        return Integer.parseInt(authorization.substring("Bearer ya29.stub-".length())) >= validFrom;
    }

    private static void send(HttpExchange exchange, int status, String body, Map<String, String> headers)
            throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
