package io.mops.budget.reallocation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** A per-channel override of the approval policy. */
@Entity
@Table(name = "reallocation_channel_limit")
public class ChannelLimitRow extends PanacheEntityBase {

    @Id
    public String channel;
    @Column(name = "max_amount")
    public BigDecimal maxAmount;
    @Column(name = "max_percent_of_allocation")
    public BigDecimal maxPercentOfAllocation;
}
