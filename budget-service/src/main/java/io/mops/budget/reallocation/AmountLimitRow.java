package io.mops.budget.reallocation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** The approval policy's plan-wide amount threshold in one currency. */
@Entity
@Table(name = "reallocation_amount_limit")
public class AmountLimitRow extends PanacheEntityBase {

    @Id
    @Column(columnDefinition = "char(3)")
    public String currency;
    @Column(name = "max_amount", nullable = false)
    public BigDecimal maxAmount;
}
