package io.mops.budget.signal;

import io.mops.common.events.ChannelPerformanceUpdated;
import io.mops.common.events.ReceivedEvent;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A channel's attributed performance, as announced by attribution-service. */
@Entity
@Table(name = "channel_signal")
public class ChannelSignal extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;
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
    @Column(name = "observed_at", nullable = false)
    public Instant observedAt;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    static ChannelSignal from(ReceivedEvent<ChannelPerformanceUpdated> event) {
        ChannelPerformanceUpdated data = event.data();
        ChannelSignal signal = new ChannelSignal();
        signal.eventId = event.id();
        signal.channel = data.channel();
        signal.model = data.model();
        signal.windowStart = data.windowStart();
        signal.windowEnd = data.windowEnd();
        signal.creditedConversions = data.creditedConversions();
        signal.creditedValue = data.creditedValue();
        signal.spend = data.spend();
        signal.currency = data.currency();
        signal.roas = data.roas();
        signal.observedAt = event.envelope().time();
        signal.receivedAt = Instant.now();
        return signal;
    }

    /** The channel's most recent signals in one currency, oldest first: the history a response curve is fitted on. */
    public static Uni<List<ChannelSignal>> history(String channel, String currency, int limit) {
        return ChannelSignal.<ChannelSignal>find("channel = ?1 and currency = ?2", Sort.descending("windowStart"),
                        channel, currency)
                .page(0, limit).list()
                .map(newestFirst -> newestFirst.reversed());
    }

    static Uni<List<ChannelSignal>> latestFirst(Optional<String> channel, int limit) {
        Sort newestFirst = Sort.descending("receivedAt");
        return channel
                .map(c -> ChannelSignal.<ChannelSignal>find("channel", newestFirst, c))
                .orElseGet(() -> ChannelSignal.findAll(newestFirst))
                .page(0, limit).list();
    }
}
