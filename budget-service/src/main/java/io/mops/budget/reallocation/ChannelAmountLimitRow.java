package io.mops.budget.reallocation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;

/** One channel's amount limit in one currency. */
@Entity
@Table(name = "reallocation_channel_amount_limit")
public class ChannelAmountLimitRow extends PanacheEntityBase {

    @EmbeddedId
    public Key key;
    @Column(name = "max_amount", nullable = false)
    public BigDecimal maxAmount;

    @Embeddable
    public record Key(@Column(nullable = false) String channel,
                      @Column(nullable = false, columnDefinition = "char(3)") String currency) implements Serializable {
    }
}
