package io.mops.attribution.ingest;

import io.mops.common.events.PoisonEventException;
import io.mops.common.events.ReceivedEvent;
import io.mops.common.events.TouchpointObserved;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A touchpoint as received from a channel integration, keyed by the id of the event that reported it. */
@Entity
@Table(name = "touchpoint")
public class StoredTouchpoint extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "anonymous_id")
    public String anonymousId;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    @Column(nullable = false)
    public String channel;
    public String campaign;
    @Column(nullable = false)
    public String interaction;
    public BigDecimal cost;
    @Column(columnDefinition = "char(3)")
    public String currency;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
    /**
     * The ad click id (gclid, msclkid, fbclid) the contact came with, where the integration reports it: on
     * {@link TouchpointObserved} (Kafka and the touchpoint imports) or read from a GA4 export.
     */
    @Column(name = "click_id")
    public String clickId;

    /** @throws PoisonEventException when the touchpoint names no customer, or a cost without its currency */
    static StoredTouchpoint from(ReceivedEvent<TouchpointObserved> event, Instant receivedAt) {
        try {
            return of(event.id(), event.data(), receivedAt);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(e.getMessage());
        }
    }

    /** @throws IllegalArgumentException when the touchpoint names no customer, or a cost without its currency */
    public static StoredTouchpoint of(UUID eventId, TouchpointObserved data, Instant receivedAt) {
        if (isBlank(data.userId()) && isBlank(data.anonymousId())) {
            throw new IllegalArgumentException("userId or anonymousId: a touchpoint must name its customer");
        }
        if (data.cost() != null && data.currency() == null) {
            throw new IllegalArgumentException("currency: a touchpoint with a cost must name its currency");
        }
        StoredTouchpoint touchpoint = new StoredTouchpoint();
        touchpoint.eventId = eventId;
        touchpoint.userId = isBlank(data.userId()) ? null : data.userId();
        touchpoint.anonymousId = isBlank(data.anonymousId()) ? null : data.anonymousId();
        touchpoint.occurredAt = data.occurredAt();
        touchpoint.channel = data.channel();
        touchpoint.campaign = data.campaign();
        touchpoint.interaction = data.interaction();
        touchpoint.cost = data.cost();
        touchpoint.currency = data.cost() == null ? null : data.currency();
        touchpoint.clickId = isBlank(data.clickId()) ? null : data.clickId();
        touchpoint.receivedAt = receivedAt;
        return touchpoint;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
