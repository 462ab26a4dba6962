package io.mops.gateway.console;

import io.mops.gateway.routing.GatewayConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Reads each routed service's Prometheus endpoint for the CoE overview's outbox lag and dead letters. The services
 * are the gateway's routes ({@code mops.gateway.routes.*}), called at the same base URLs as the console's other
 * calls; {@code /q/metrics} is open to the cluster's scraper, so no token is sent.
 */
@ApplicationScoped
public class ServiceMetrics {

    /** A service that does not answer within this is shown as unreachable rather than holding the page. */
    static final Duration PATIENCE = Duration.ofSeconds(3);

    @Path("/q/metrics")
    public interface Scrape {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        Uni<String> metrics();
    }

    private final Map<String, Scrape> services = new TreeMap<>();

    public ServiceMetrics(GatewayConfig config) {
        config.routes().forEach((segment, url) -> services.put(serviceName(segment), QuarkusRestClientBuilder
                .newBuilder().baseUri(URI.create(url))
                .connectTimeout(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)
                .build(Scrape.class)));
    }

    /** Every service's backlog, in service name order; one that fails or times out is marked unreachable. */
    public Uni<List<OutboxLag>> outboxLag() {
        List<Uni<OutboxLag>> each = new ArrayList<>();
        services.forEach((name, scrape) -> each.add(scrape.metrics()
                .ifNoItem().after(PATIENCE).fail()
                .map(text -> OutboxLag.of(name, text))
                .onFailure().recoverWithItem(e -> OutboxLag.unreachable(name, reason(e)))));
        return Uni.join().all(each).andCollectFailures();
    }

    private static String reason(Throwable e) {
        return e instanceof io.smallrye.mutiny.TimeoutException ? "no answer within " + PATIENCE.toSeconds() + " s"
                : e instanceof jakarta.ws.rs.WebApplicationException w ? "HTTP " + w.getResponse().getStatus()
                : "not reachable";
    }

    /** The route segment's service, as the services are named everywhere else. */
    static String serviceName(String segment) {
        return switch (segment) {
            case "attribution" -> "attribution-service";
            case "budget" -> "budget-service";
            case "experiments" -> "testing-service";
            case "qa" -> "qa-service";
            case "approvals" -> "approval-service";
            default -> segment;
        };
    }
}
