package io.mops.simulator.loop;

import com.fasterxml.jackson.databind.JsonNode;
import io.mops.simulator.market.ApproverSpec;
import io.mops.simulator.platform.PlatformApi;
import io.mops.simulator.platform.SimulatedPlatform;
import io.mops.simulator.report.HumanDecision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people the loop asks: alice reads her inbox in approval-service through the gateway and decides every request
 * that has waited the market's delay; where four eyes are needed nina decides after her. Their policy is the
 * market's ({@link ApproverSpec}); they judge only what the request itself shows them.
 */
final class Approvers {

    private static final Pattern EXPECTED = Pattern.compile("Expected attributed value ([+-]?[0-9.]+)");
    private static final List<String> PEOPLE = List.of("alice", "nina");

    private final ApproverSpec spec;
    private final PlatformApi api;
    private final List<HumanDecision> decisions = new ArrayList<>();
    private final Set<String> decided = new HashSet<>();

    Approvers(ApproverSpec spec, PlatformApi api) {
        this.spec = spec;
        this.api = api;
    }

    List<HumanDecision> decisions() {
        return decisions;
    }

    void decideDue(Instant now, int day) {
        Duration delay = Duration.ofMinutes(Math.round(spec.delayHours() * 60));
        for (String person : PEOPLE) {
            Supplier<String> token = SimulatedPlatform.person(person);
            for (JsonNode request : api.get(token, "/approvals/pending")) {
                String id = request.path("id").asText();
                Instant requestedAt = Instant.parse(request.path("requestedAt").asText());
                if (requestedAt.plus(delay).isAfter(now) || !decided.add(id + "/" + person)) {
                    continue;
                }
                boolean grant = grants(request);
                String comment = !grant ? "the evidence does not show a gain; keep the current split"
                        : exploration(request) ? "a bounded exploration to learn the curves"
                        : "expected to gain, as the evidence shows";
                JsonNode after;
                try {
                    after = api.post(token, "/approvals/" + id + "/decisions",
                            Map.of("verdict", grant ? "GRANT" : "REJECT", "comment", comment));
                } catch (PlatformApi.PlatformRefusal refused) {
                    if (refused.status() == 409 || refused.status() == 403) {
                        continue; // withdrawn meanwhile, or not this person's to decide (four eyes, own request)
                    }
                    throw refused;
                }
                String status = after.path("request").path("status").asText(after.path("status").asText(""));
                if (!"PENDING".equals(status)) {
                    decisions.add(new HumanDecision(day, requestedAt, request.path("kind").asText(),
                            request.path("summary").asText(), status, byOf(after, person)));
                }
            }
        }
    }

    private boolean grants(JsonNode request) {
        return switch (spec.policy()) {
            case ApproverSpec.GRANT_ALL -> true;
            case ApproverSpec.REJECT_ALL -> false;
            default -> {
                if (exploration(request)) {
                    // A designed, bounded exploration forecasts no gain by design; the approver accepts its cost to
                    // learn the curves, as a marketer who agreed to the CoE's exploration bounds would.
                    yield true;
                }
                Matcher m = EXPECTED.matcher(request.path("explanation").asText("")
                        + request.path("summary").asText(""));
                yield m.find() && Double.parseDouble(m.group(1)) > 0;
            }
        };
    }

    private static boolean exploration(JsonNode request) {
        return request.path("summary").asText("").startsWith("Explore ");
    }

    private static List<String> byOf(JsonNode detail, String person) {
        List<String> by = new ArrayList<>();
        for (JsonNode decision : detail.path("decisions")) {
            String who = decision.path("decidedBy").asText(decision.path("approver").asText(""));
            if (!who.isEmpty() && !by.contains(who)) {
                by.add(who);
            }
        }
        if (by.isEmpty()) {
            by.add(person);
        }
        return by;
    }
}
