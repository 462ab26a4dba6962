package io.mops.qa.ruleset;

import java.time.Instant;
import java.util.UUID;

public record RuleSetView(UUID id, String name, int version, String region, String description, String createdBy,
                          Instant createdAt) {

    static RuleSetView of(RuleSet r) {
        return new RuleSetView(r.id, r.name, r.version, r.region, r.description, r.createdBy, r.createdAt);
    }
}
