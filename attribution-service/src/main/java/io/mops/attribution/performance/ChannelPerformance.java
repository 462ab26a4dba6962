package io.mops.attribution.performance;

import io.mops.common.events.ChannelPerformanceUpdated.PeriodKind;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One publication of a channel's performance in one period under one model: the first (revision 1) or a revision.
 * Every revision is kept; the highest one of a channel, model, currency and period is what attribution last said.
 */
@Entity
@Table(name = "channel_performance")
public class ChannelPerformance extends PanacheEntityBase {

    /**
     * Serialises every transaction that publishes channel performance (the scheduler, a recompute, a recording by
     * hand), so that two of them never give the same period the same revision.
     */
    private static final long PUBLICATION_LOCK = 0x6d6f_7073_6370_7570L;

    @Id
    public UUID id;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Column(nullable = false)
    public String channel;
    @Column(nullable = false)
    public String model;
    @Column(nullable = false, columnDefinition = "char(3)")
    public String currency;
    @Enumerated(EnumType.STRING)
    @Column(name = "period_kind", nullable = false)
    public PeriodKind periodKind;
    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;
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
    @Column(name = "recorded_by_hand", nullable = false)
    public boolean recordedByHand;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    ChannelFigures figures() {
        return new ChannelFigures(channel, creditedConversions, creditedValue, spend, roas);
    }

    /** Takes the publication lock until the caller's transaction ends. */
    static Uni<Void> lockPublications() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select count(*) from (select pg_advisory_xact_lock(" + PUBLICATION_LOCK + ")) as l")
                .getSingleResult()).replaceWithVoid();
    }

    /** The latest revision of every channel and model in {@code period}, in {@code currency}. */
    static Uni<List<ChannelPerformance>> latestRevisions(ReportingPeriod period, String currency) {
        return ChannelPerformance.<ChannelPerformance>list("""
                        from ChannelPerformance p
                        where p.currency = :currency and p.periodKind = :kind and p.periodStart = :start
                          and p.revision = (select max(q.revision) from ChannelPerformance q
                                            where q.channel = p.channel and q.model = p.model
                                              and q.currency = p.currency and q.periodKind = p.periodKind
                                              and q.periodStart = p.periodStart)""",
                Parameters.with("currency", currency).and("kind", period.kind()).and("start", period.start()));
    }

    /** The highest revision published for the channel, model and period so far; 0 when none. */
    static Uni<Integer> lastRevision(String channel, String model, String currency, ReportingPeriod period) {
        return ChannelPerformance.<ChannelPerformance>find("channel = ?1 and model = ?2 and currency = ?3 "
                                + "and periodKind = ?4 and periodStart = ?5", Sort.descending("revision"),
                        channel, model, currency, period.kind(), period.start())
                .firstResult().map(last -> last == null ? 0 : last.revision);
    }

    /** Newest first, optionally of one channel and one model. */
    static Uni<List<ChannelPerformance>> newestFirst(Optional<String> channel, Optional<String> model, int page,
                                                     int limit) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        channel.ifPresent(c -> {
            conditions.add("channel = :channel");
            parameters.and("channel", c);
        });
        model.ifPresent(m -> {
            conditions.add("model = :model");
            parameters.and("model", m);
        });
        Sort newest = Sort.descending("recordedAt").and("channel").and("model").and("periodStart").and("revision");
        Map<String, Object> values = parameters.map();
        PanacheQuery<ChannelPerformance> query = conditions.isEmpty() ? ChannelPerformance.findAll(newest)
                : ChannelPerformance.find(String.join(" and ", conditions), newest, values);
        return query.page(page, limit).list();
    }
}
