package io.mops.budget.reallocation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** A channel with its own limits in the approval policy: its percent bound; its amounts per currency are in {@link ChannelAmountLimitRow}. */
@Entity
@Table(name = "reallocation_channel_limit")
public class ChannelLimitRow extends PanacheEntityBase {

    @Id
    public String channel;
    @Column(name = "max_percent_of_allocation")
    public BigDecimal maxPercentOfAllocation;
}
