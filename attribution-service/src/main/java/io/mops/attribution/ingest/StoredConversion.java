package io.mops.attribution.ingest;

import io.mops.common.events.ConversionObserved;
import io.mops.common.events.ReceivedEvent;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A conversion as received from an integration, keyed by the id of the event that reported it. */
@Entity
@Table(name = "conversion")
public class StoredConversion extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "user_id", nullable = false)
    public String userId;
    @Column(name = "anonymous_id")
    public String anonymousId;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    @Column(nullable = false)
    public BigDecimal value;
    @Column(nullable = false, columnDefinition = "char(3)")
    public String currency;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    static StoredConversion from(ReceivedEvent<ConversionObserved> event, Instant receivedAt) {
        return of(event.id(), event.data(), receivedAt);
    }

    public static StoredConversion of(UUID eventId, ConversionObserved data, Instant receivedAt) {
        StoredConversion conversion = new StoredConversion();
        conversion.eventId = eventId;
        conversion.userId = data.userId();
        conversion.anonymousId = data.anonymousId() == null || data.anonymousId().isBlank() ? null : data.anonymousId();
        conversion.occurredAt = data.occurredAt();
        conversion.value = data.value();
        conversion.currency = data.currency();
        conversion.receivedAt = receivedAt;
        return conversion;
    }
}
