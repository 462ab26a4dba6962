package io.mops.qa.brand;

import java.time.Instant;
import java.util.UUID;

/** @param reason why an approver rejected the copy, for examples taught through approval-service */
public record BrandExampleView(UUID id, String brand, String stance, String text, String model, String createdBy,
                               Instant createdAt, String reason) {

    static BrandExampleView of(BrandExample e) {
        return new BrandExampleView(e.id, e.brand, e.stance.name(), e.text, e.model, e.createdBy, e.createdAt,
                e.reason);
    }
}
