package io.mops.approval.notify;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** How a person wants to hear about approvals; without a row, immediately. */
@Entity
@Table(name = "notification_preference")
public class NotificationPreference extends PanacheEntityBase {

    public enum Mode { IMMEDIATE, DAILY_DIGEST }

    @Id
    public String username;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Mode mode;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
