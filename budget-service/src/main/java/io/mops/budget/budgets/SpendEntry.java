package io.mops.budget.budgets;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "spend_entry")
public class SpendEntry extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "campaign_id", nullable = false)
    public UUID campaignId;
    @Column(nullable = false)
    public LocalDate day;
    @Column(nullable = false)
    public BigDecimal amount;
    /** Spend that went past the campaign's budget: recorded because it happened, flagged because it should not have. */
    @Column(name = "over_cap", nullable = false)
    public boolean overCap;
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
