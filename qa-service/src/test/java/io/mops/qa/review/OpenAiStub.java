package io.mops.qa.review;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local OpenAI-compatible endpoint serving recorded answers from {@code src/test/resources/openai-stub/}, so the AI
 * review is tested through the real quarkus-langchain4j client without a model. The copy under review picks the
 * answer with a marker {@code stub:<scenario>:<id>}:
 * <ul>
 *   <li>{@code concerns}: a valid review with two concerns;</li>
 *   <li>{@code malformed-once}: prose instead of JSON on the first request for that id, then the valid review;</li>
 *   <li>{@code malformed-always}: prose every time;</li>
 *   <li>{@code invalid-always}: well-formed JSON every time, but with a concern the review does not know;</li>
 *   <li>{@code down}: 503, as a gateway answers for a model server that is not running;</li>
 *   <li>{@code hang-up}: the connection is closed without an answer, as when the model server dies mid-request;</li>
 *   <li>no marker: a valid review with no concerns.</li>
 * </ul>
 * {@code GET /calls/<id>} answers how many chat requests carried that id, so tests can tell a remembered review from
 * a new one; every request is also checked for temperature 0 (a 400 otherwise).
 */
public class OpenAiStub implements QuarkusTestResourceLifecycleManager {

    public static final String MODEL = "stub-model-1";
    private static final Pattern MARKER = Pattern.compile("stub:([a-z-]+):([A-Za-z0-9-]+)");
    private static final Pattern TEMPERATURE_ZERO = Pattern.compile("\"temperature\"\\s*:\\s*0(\\.0+)?[,}\\s]");

    private HttpServer server;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Set<String> answeredOnce = ConcurrentHashMap.newKeySet();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/chat/completions", this::chat);
        server.createContext("/calls/", this::callCount);
        server.start();
        return Map.of(
                "mops.qa.ai-review.enabled", "true",
                "mops.qa.ai-review.base-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                "mops.qa.ai-review.model", MODEL,
                "mops.qa.ai-review.timeout", "5s");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void chat(HttpExchange exchange) throws IOException {
        String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!TEMPERATURE_ZERO.matcher(request).find()) {
            respond(exchange, 400, "{\"error\":{\"message\":\"expected temperature 0\"}}");
            return;
        }
        Matcher marker = MARKER.matcher(request);
        boolean marked = marker.find();
        String scenario = marked ? marker.group(1) : "no-concerns";
        String id = marked ? marker.group(2) : "none";
        calls.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
        switch (scenario) {
            case "concerns" -> respond(exchange, 200, recorded("concerns.json"));
            case "malformed-once" -> respond(exchange, 200,
                    recorded(answeredOnce.add(id) ? "malformed.json" : "concerns.json"));
            case "malformed-always" -> respond(exchange, 200, recorded("malformed.json"));
            case "invalid-always" -> respond(exchange, 200, recorded("invalid-review.json"));
            case "down" -> respond(exchange, 503, "{\"error\":{\"message\":\"model server unavailable\"}}");
            case "hang-up" -> hangUp(exchange);
            default -> respond(exchange, 200, recorded("no-concerns.json"));
        }
    }

    /** Closes the connection without a status line: the client sees it end before any answer. */
    private static void hangUp(HttpExchange exchange) throws IOException {
        exchange.getResponseBody().close();
        exchange.close();
    }

    private void callCount(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/calls/".length());
        respond(exchange, 200, String.valueOf(calls.getOrDefault(id, new AtomicInteger()).get()));
    }

    private static String recorded(String name) throws IOException {
        try (InputStream in = OpenAiStub.class.getResourceAsStream("/openai-stub/" + name)) {
            if (in == null) {
                throw new IOException("no recorded answer " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
