package io.mops.budget.signal;

import io.mops.common.events.ChannelPerformanceUpdated;
import io.mops.common.events.ChannelPerformanceUpdated.PeriodKind;
import io.mops.common.events.ReceivedEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A channel's attributed performance in one period under one model, as attribution-service last said it: one row per
 * channel, model, currency and period, holding the highest revision received.
 */
@Entity
@Table(name = "channel_signal")
public class ChannelSignal extends PanacheEntityBase {

    @EmbeddedId
    public Key key;
    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;
    @Column(nullable = false)
    public String zone;
    @Column(nullable = false)
    public int revision;
    @Column(name = "credited_conversions", nullable = false)
    public BigDecimal creditedConversions;
    @Column(name = "credited_value", nullable = false)
    public BigDecimal creditedValue;
    @Column(nullable = false)
    public BigDecimal spend;
    public BigDecimal roas;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Column(name = "observed_at", nullable = false)
    public Instant observedAt;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** What a signal is about: the unique key of the table. */
    @Embeddable
    public record Key(@Column(nullable = false) String channel,
                      @Column(nullable = false) String model,
                      @Column(nullable = false, columnDefinition = "char(3)") String currency,
                      @Enumerated(EnumType.STRING) @Column(name = "period_kind", nullable = false) PeriodKind periodKind,
                      @Column(name = "period_start", nullable = false) LocalDate periodStart) implements Serializable {

        static Key of(ChannelPerformanceUpdated data) {
            return new Key(data.channel(), data.model(), data.currency(), data.periodKind(), data.periodStart());
        }
    }

    /**
     * Stores the event's figures unless a later revision of its period is already stored: a new period is inserted;
     * a stored one is replaced only by a higher revision, or by the same revision announced later. Runs in the
     * caller's transaction (the one that records the event id, so a redelivery changes nothing).
     *
     * @return whether the event's figures are now stored
     */
    static Uni<Boolean> record(ReceivedEvent<ChannelPerformanceUpdated> event) {
        ChannelPerformanceUpdated data = event.data();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into channel_signal (channel, model, currency, period_kind, period_start, period_end, zone,
                                                    revision, credited_conversions, credited_value, spend, roas,
                                                    event_id, observed_at, received_at)
                        values (:channel, :model, :currency, :kind, :start, :end, :zone, :revision, :conversions,
                                :value, :spend, :roas, :eventId, :observedAt, :receivedAt)
                        on conflict (channel, model, currency, period_kind, period_start) do update
                        set period_end = excluded.period_end, zone = excluded.zone, revision = excluded.revision,
                            credited_conversions = excluded.credited_conversions,
                            credited_value = excluded.credited_value, spend = excluded.spend, roas = excluded.roas,
                            event_id = excluded.event_id, observed_at = excluded.observed_at,
                            received_at = excluded.received_at
                        where (excluded.revision, excluded.observed_at)
                              > (channel_signal.revision, channel_signal.observed_at)""")
                .setParameter("channel", data.channel())
                .setParameter("model", data.model())
                .setParameter("currency", data.currency())
                .setParameter("kind", data.periodKind().name())
                .setParameter("start", data.periodStart())
                .setParameter("end", data.periodEnd())
                .setParameter("zone", data.zone())
                .setParameter("revision", data.revision())
                .setParameter("conversions", data.creditedConversions())
                .setParameter("value", data.creditedValue())
                .setParameter("spend", data.spend())
                .setParameter("roas", data.roas())
                .setParameter("eventId", event.id())
                .setParameter("observedAt", event.envelope().time().atOffset(ZoneOffset.UTC))
                .setParameter("receivedAt", Instant.now().atOffset(ZoneOffset.UTC))
                .executeUpdate())
                .map(changed -> changed > 0);
    }

    /** Whether the event's figures are what is stored for its period (no later revision replaced them). */
    static Uni<Boolean> isCurrent(ReceivedEvent<ChannelPerformanceUpdated> event) {
        return Panache.withSession(() -> ChannelSignal.<ChannelSignal>findById(Key.of(event.data()))
                .map(stored -> stored != null && stored.eventId.equals(event.id())));
    }

    /**
     * The evidence a curve of the channel is fitted on: its signals of one model, period kind and currency, of which
     * the newest run of consecutive periods, at most {@code maxPeriods}, oldest first.
     */
    public static Uni<EvidenceSeries> series(String channel, String model, PeriodKind kind, String currency,
                                             int maxPeriods) {
        return ChannelSignal.<ChannelSignal>find("key.channel = ?1 and key.model = ?2 and key.periodKind = ?3 "
                                + "and key.currency = ?4", Sort.descending("key.periodStart"),
                        channel, model, kind, currency)
                .page(0, maxPeriods).list()
                .map(signals -> EvidenceSeries.newestRun(kind, signals.stream().map(ChannelSignal::asPeriod).toList(),
                        maxPeriods));
    }

    static Uni<List<ChannelSignal>> newestFirst(Optional<String> channel, Optional<String> model, int page,
                                                int limit) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        channel.ifPresent(c -> {
            conditions.add("key.channel = :channel");
            parameters.and("channel", c);
        });
        model.ifPresent(m -> {
            conditions.add("key.model = :model");
            parameters.and("model", m);
        });
        Sort newest = Sort.descending("receivedAt").and("key.channel").and("key.model").and("key.periodStart");
        PanacheQuery<ChannelSignal> query = conditions.isEmpty() ? ChannelSignal.findAll(newest)
                : ChannelSignal.find(String.join(" and ", conditions), newest, parameters);
        return query.page(page, limit).list();
    }

    private EvidenceSeries.Period asPeriod() {
        return new EvidenceSeries.Period(key.periodStart(), spend.doubleValue(), creditedValue.doubleValue());
    }
}
