package io.mops.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server standing in for approval-service with two incidents, as {@code GET /approvals?kind=Incident} and
 * {@code GET /approvals/{id}} answer them: an open one whose texts carry markup (the page must escape it) and one
 * budget-service withdrew when omar resolved its anomaly; and a third, open, that takes an acknowledgement. It tells
 * what it received at {@code GET /received} (the test runs in another class loader, so nothing is shared but HTTP).
 */
public class IncidentsUpstream implements QuarkusTestResourceLifecycleManager {

    public static final String OPEN = "0b6f3c2e-5d1a-4e8b-9c7d-2a4f6e8b1c3d";
    public static final String RESOLVED = "7e2d4a6c-8b1f-4c3e-a5d7-9f1b3c5e7a9d";
    /** Open like {@link #OPEN}, not listed, and the only one that takes an acknowledgement (tests run in any order). */
    public static final String TO_ACKNOWLEDGE = "c4a8e2f6-1b3d-4f5a-8c7e-9d1b3f5a7c9e";

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile boolean acknowledged;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::answer);
        server.start();
        return Map.of("mops.gateway.routes.approvals", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        String method = exchange.getRequestMethod();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (path.equals("/received")) {
            send(exchange, 200, "[" + String.join(",", received) + "]");
            return;
        }
        if (auth == null || !auth.startsWith("Bearer ")) {
            send(exchange, 401, "{}");
            return;
        }
        if (method.equals("GET") && path.equals("/approvals") && query != null && query.contains("kind=Incident")) {
            send(exchange, 200, "[" + item(OPEN, "PENDING") + "," + item(RESOLVED, "WITHDRAWN") + "]");
        } else if (method.equals("GET") && path.equals("/approvals/" + OPEN)) {
            send(exchange, 200, detail(OPEN));
        } else if (method.equals("GET") && path.equals("/approvals/" + RESOLVED)) {
            send(exchange, 200, detail(RESOLVED));
        } else if (method.equals("GET") && path.equals("/approvals/" + TO_ACKNOWLEDGE)) {
            send(exchange, 200, detail(TO_ACKNOWLEDGE));
        } else if (method.equals("POST") && path.equals("/approvals/" + TO_ACKNOWLEDGE + "/acknowledgement")) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(body);
            acknowledged = true;
            send(exchange, 200, detail(TO_ACKNOWLEDGE));
        } else {
            send(exchange, 404, "{\"status\":404,\"detail\":\"no such request\"}");
        }
    }

    private static String item(String id, String status) {
        return """
                {"id":"%s","subject":"channel:social","kind":"Incident","reference":"anomaly","source":"budget-service",
                 "summary":"incident","channel":"social","status":"%s","requestedBy":"budget-service",
                 "requestedAt":"2026-12-06T15:00:05Z"}""".formatted(id, status);
    }

    private String detail(String id) {
        boolean open = !id.equals(RESOLVED);
        String acknowledgement = open
                ? (id.equals(TO_ACKNOWLEDGE) && acknowledged
                ? """
                {"acknowledged":true,"dueAt":"2026-12-06T15:30:05Z","acknowledgedBy":"carol",
                 "acknowledgedAt":"2026-12-06T15:10:00Z","comment":"on it"}"""
                : """
                {"acknowledged":false,"dueAt":"2026-12-06T15:30:05Z"}""")
                : """
                {"acknowledged":true,"dueAt":"2026-12-05T09:30:00Z","acknowledgedBy":"omar",
                 "acknowledgedAt":"2026-12-05T09:12:00Z","comment":"pixel back"}""";
        String detector = open ? "tracking-breakage<script>alert(1)</script>" : "spend-runaway";
        String evidence = open ? "social: 0 touchpoints in 6 hours <img src=x onerror=alert(2)> while spending"
                : "search: spend 3.1 times the day's expected course";
        return """
                {"request":{"id":"%s","subject":"channel:social","kind":"Incident","reference":"anomaly",
                  "source":"budget-service","summary":"%s on social: frozen","channel":"social","status":"%s",
                  "requestedBy":"budget-service","requestedAt":"2026-12-06T15:00:05Z","withdrawnBy":%s,
                  "withdrawalReason":%s,"evidenceVersion":1},
                 "approversNeeded":1,"stages":[],"decisions":[],
                 "evidence":{"version":1,"schema":"IncidentEvidence","schemaVersion":1,"content":{
                   "anomalyId":"3e1f5a7c-0000-4000-8000-000000000001","detector":"%s","channel":"social",
                   "detectedAt":"2026-12-06T15:00:00Z","observed":%s,"expected":%s,"statistic":9.36e-14,
                   "evidence":"%s","action":"%s","campaignIds":%s%s}},
                 "evidenceVersions":[],"acknowledgement":%s}""".formatted(id,
                open ? "tracking-breakage" : "spend-runaway", open ? "PENDING" : "WITHDRAWN",
                open ? "null" : "\"omar\"", open ? "null" : "\"RESOLVED\"", detector.replace("\"", "\\\""),
                open ? "0.0" : "3100.0", open ? "412.0" : "1000.0", evidence,
                open ? "FREEZE_CHANNEL" : "PAUSE_CAMPAIGN_SPEND",
                open ? "[]" : "[\"5c0e9a1b-0000-4000-8000-000000000002\"]",
                // The open one is as budget-service sent incidents before it rated them; the resolved one is rated.
                open ? "" : ",\"severity\":\"MEDIUM\",\"margin\":1.55,\"contained\":true", acknowledgement);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status >= 400 && status != 401
                ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
