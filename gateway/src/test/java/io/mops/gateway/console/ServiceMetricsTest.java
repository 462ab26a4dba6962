package io.mops.gateway.console;

import com.sun.net.httpserver.HttpServer;
import io.mops.testsupport.MopsInfra;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CoE overview's backlog figures read over HTTP from stand-in services: one answering metrics, one failing,
 * one not listening at all. Only the first has figures; the others are unreachable, not zero.
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
@WithTestResource(ServiceMetricsTest.Upstreams.class)
class ServiceMetricsTest {

    @Inject
    ServiceMetrics metrics;

    @Test
    void eachServiceShowsItsFiguresOrIsUnreachable() {
        List<OutboxLag> lag = metrics.outboxLag().await().atMost(Duration.ofSeconds(30));
        Map<String, OutboxLag> byService = new java.util.HashMap<>();
        lag.forEach(l -> byService.put(l.service(), l));

        OutboxLag budget = byService.get("budget-service");
        assertFalse(budget.unreachable());
        assertEquals(4L, budget.pending());
        assertEquals(42L, budget.oldestSeconds());
        assertEquals(3L, budget.deadLetters());

        OutboxLag failing = byService.get("qa-service");
        assertTrue(failing.unreachable(), "a 503 is no answer");
        assertEquals("HTTP 503", failing.problem());
        assertNull(failing.pending());

        OutboxLag away = byService.get("approval-service");
        assertTrue(away.unreachable(), "nothing listening");
        assertNull(away.pending());
    }

    /** budget-service answers metrics, qa-service fails, approval-service's port has nobody on it. */
    public static class Upstreams implements QuarkusTestResourceLifecycleManager {

        private HttpServer server;

        @Override
        public Map<String, String> start() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                int closedPort;
                try (ServerSocket probe = new ServerSocket(0)) {
                    closedPort = probe.getLocalPort();
                }
                server.createContext("/budget-service/q/metrics", exchange -> answer(exchange, 200, """
                        # TYPE mops_outbox_pending_events gauge
                        mops_outbox_pending_events 4.0
                        mops_outbox_oldest_pending_seconds 42.0
                        mops_dead_letters_total{topic="mops.ingest.spend"} 1.0
                        mops_dead_letters_total{topic="mops.attribution.channel-performance"} 2.0
                        """));
                server.createContext("/qa-service/q/metrics", exchange -> answer(exchange, 503, "down"));
                server.start();
                String base = "http://127.0.0.1:" + server.getAddress().getPort();
                return Map.of("mops.gateway.routes.budget", base + "/budget-service",
                        "mops.gateway.routes.qa", base + "/qa-service",
                        "mops.gateway.routes.approvals", "http://127.0.0.1:" + closedPort);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
                throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
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
}
