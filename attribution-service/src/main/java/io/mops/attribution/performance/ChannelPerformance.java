package io.mops.attribution.performance;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "channel_performance")
public class ChannelPerformance extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String channel;
    @Column(nullable = false)
    public String model;
    @Column(name = "window_start", nullable = false)
    public LocalDate windowStart;
    @Column(name = "window_end", nullable = false)
    public LocalDate windowEnd;
    @Column(name = "credited_conversions", nullable = false)
    public BigDecimal creditedConversions;
    @Column(name = "credited_value", nullable = false)
    public BigDecimal creditedValue;
    @Column(nullable = false)
    public BigDecimal spend;
    @Column(nullable = false, columnDefinition = "char(3)")
    public String currency;
    public BigDecimal roas;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static Uni<List<ChannelPerformance>> latestFirst(int limit) {
        return ChannelPerformance.<ChannelPerformance>find("order by recordedAt desc").page(0, limit).list();
    }
}
