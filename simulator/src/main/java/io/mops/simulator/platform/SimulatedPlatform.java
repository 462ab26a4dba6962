package io.mops.simulator.platform;

import com.fasterxml.jackson.databind.JsonNode;
import io.mops.testsupport.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The running platform as the simulated world reaches it: the gateway with real tokens for everything people and
 * integrations do, the ingest topics for what integrations stream, and — the one simulation-only interface — each
 * service's {@code /sim/clock} to move time.
 *
 * @param gateway     base URL of the gateway ({@code /api/...} behind it)
 * @param services    base URL of each service, for its clock and its metrics
 * @param kafka       bootstrap servers
 * @param topicPrefix the simulation's topic namespace (e.g. {@code sim.})
 */
public record SimulatedPlatform(String gateway, Map<String, String> services, String kafka, String topicPrefix) {

    /** The CoE's service account: plans, policies, experiments, reports, and the clock. */
    public static Supplier<String> coe() {
        return () -> Tokens.serviceAccount("mops-coe");
    }

    /** A person's token (the simulated approvers), through the password grant as the CLI would. */
    public static Supplier<String> person(String username) {
        return () -> Tokens.user(username);
    }

    public PlatformApi api() {
        return new PlatformApi(gateway + "/api");
    }

    /** Moves every service's clock to {@code now} and waits until each has run its jobs that are due. */
    public void moveClockTo(Instant now) {
        for (Map.Entry<String, String> service : services.entrySet()) {
            JsonNode state = new PlatformApi(service.getValue()).put(coe(), "/sim/clock", Map.of("now", now.toString()));
            if (!now.toString().equals(state.path("now").asText())) {
                throw new IllegalStateException(service.getKey() + " reports its clock at " + state.path("now")
                        + " after being moved to " + now);
            }
        }
    }

    public Quiescence quiescence() {
        return new Quiescence(kafka, topicPrefix, List.copyOf(services.values()));
    }

    public IngestStream ingest(long seed) {
        return new IngestStream(kafka, topicPrefix, seed);
    }

    /** How long the platform may take to settle after a step before the simulation gives up. */
    public static Duration patience() {
        return Duration.ofMinutes(3);
    }
}
