package io.mops.attribution.performance;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/** The figures last announced for a channel under one model and currency. */
@Entity
@Table(name = "channel_performance_publication")
public class ChannelPerformancePublication extends PanacheEntityBase {

    @EmbeddedId
    public Key key;
    @Column(name = "credited_conversions", nullable = false)
    public BigDecimal creditedConversions;
    @Column(name = "credited_value", nullable = false)
    public BigDecimal creditedValue;
    @Column(nullable = false)
    public BigDecimal spend;
    public BigDecimal roas;
    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Embeddable
    public record Key(@Column(nullable = false) String channel, @Column(nullable = false) String model,
                      @Column(nullable = false, columnDefinition = "char(3)") String currency) implements Serializable {
    }

    /**
     * The last announcements, locked until the transaction ends: a scheduled run and a recompute request running
     * at once are serialised here, so the same change is not announced twice.
     */
    static Uni<Map<String, PublicationThrottle.Publication>> lastOf(String model, String currency) {
        return ChannelPerformancePublication.<ChannelPerformancePublication>find("key.model = ?1 and key.currency = ?2",
                        model, currency)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .map(rows -> rows.stream().collect(Collectors.toMap(p -> p.key.channel(),
                        p -> new PublicationThrottle.Publication(new ChannelFigures(p.key.channel(),
                                p.creditedConversions, p.creditedValue, p.spend, p.roas), p.publishedAt))));
    }

    /** Stores {@code figures} as the last announcement, replacing the previous one. */
    static Uni<ChannelPerformancePublication> remember(String model, String currency, ChannelFigures figures,
                                                       Instant publishedAt) {
        Key key = new Key(figures.channel(), model, currency);
        return ChannelPerformancePublication.<ChannelPerformancePublication>findById(key).flatMap(found -> {
            ChannelPerformancePublication publication = found == null ? new ChannelPerformancePublication() : found;
            publication.key = key;
            publication.creditedConversions = figures.creditedConversions();
            publication.creditedValue = figures.creditedValue();
            publication.spend = figures.spend();
            publication.roas = figures.roas();
            publication.publishedAt = publishedAt;
            return found == null ? publication.persist() : Uni.createFrom().item(publication);
        });
    }
}
