package io.mops.qa.budget;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for budget-service's {@code GET /budget/campaigns/{id}}, answering in its {@code CampaignView} shape. It
 * refuses (401) a request without a bearer token, as budget-service does, and counts the unauthenticated requests at
 * {@code GET /unauthenticated}, so tests can tell that qa-service sent its service token.
 */
public class BudgetServiceStub implements QuarkusTestResourceLifecycleManager {

    /** A search campaign holding 30 000 USD, 12 000 of it spent. */
    public static final String SEARCH_30K = "5e2a7a3e-0d4b-4c8e-9a51-1a2b3c4d5e01";
    /** A social campaign: another channel's money. */
    public static final String SOCIAL = "5e2a7a3e-0d4b-4c8e-9a51-1a2b3c4d5e02";
    /** A search campaign budgeted in euros. */
    public static final String SEARCH_EUR = "5e2a7a3e-0d4b-4c8e-9a51-1a2b3c4d5e03";
    /** budget-service fails on this one (503), as it does while its database is away. */
    public static final String FAILING = "5e2a7a3e-0d4b-4c8e-9a51-1a2b3c4d5e04";

    private HttpServer server;
    private final AtomicInteger unauthenticated = new AtomicInteger();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/budget/campaigns/", this::campaign);
        server.createContext("/unauthenticated", exchange -> respond(exchange, 200,
                String.valueOf(unauthenticated.get())));
        server.start();
        return Map.of("quarkus.rest-client.budget-service.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void campaign(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ey")) {
            unauthenticated.incrementAndGet();
            respond(exchange, 401, "{\"title\":\"Unauthorized\",\"status\":401}");
            return;
        }
        String id = exchange.getRequestURI().getPath().substring("/budget/campaigns/".length());
        switch (id) {
            case SEARCH_30K -> respond(exchange, 200, view(id, "search", "USD", "30000.00", "12000.00", "18000.00"));
            case SOCIAL -> respond(exchange, 200, view(id, "social", "USD", "90000.00", "0.00", "90000.00"));
            case SEARCH_EUR -> respond(exchange, 200, view(id, "search", "EUR", "30000.00", "0.00", "30000.00"));
            case FAILING -> respond(exchange, 503, "{\"title\":\"Service Unavailable\",\"status\":503}");
            default -> respond(exchange, 404, "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no campaign " + id
                    + "\"}");
        }
    }

    private static String view(String id, String channel, String currency, String amount, String spent,
                               String remaining) {
        return """
                {"id":"%s","planId":"0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0","channel":"%s","name":"Winter jackets",
                 "currency":"%s","amount":%s,"spent":%s,"remaining":%s,"status":"ACTIVE","pacing":"ON_PACE","version":3}
                """.formatted(id, channel, currency, amount, spent, remaining);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status < 400 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
