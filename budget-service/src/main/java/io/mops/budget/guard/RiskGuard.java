package io.mops.budget.guard;

import io.mops.budget.budgets.Campaign;
import io.mops.budget.launch.LaunchControlConfig;
import io.mops.budget.reallocation.ReallocationService;
import io.mops.common.events.AnomalyDetected;
import io.mops.common.events.ApprovalEvidence;
import io.mops.common.events.ApprovalGranted;
import io.mops.common.events.ApprovalRequested;
import io.mops.common.events.ApprovalWithdrawn;
import io.mops.common.events.ReceivedEvent;
import io.mops.common.inbox.IdempotentConsumer;
import io.mops.common.events.CampaignSpendPaused;
import io.mops.common.events.ContainmentApplied;
import io.mops.common.events.ContainmentLifted;
import io.mops.common.outbox.Outbox;
import io.mops.common.problem.ConflictProblem;
import io.mops.common.problem.NotFoundProblem;
import io.mops.common.time.ClockDrivenJob;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The risk guard: each hour, judges every channel of a running plan by the detectors, records what they find, and
 * applies the containment the CoE chose for the detector in the same transaction as the {@code AnomalyDetected}
 * event. One anomaly per channel and detector at a time: while one is open, the detector does not fire again on that
 * channel; only a person resolves it, which lifts its containment.
 */
@ApplicationScoped
public class RiskGuard implements ClockDrivenJob {

    static final String BY = "budget-service (risk guard)";
    /** The kind of approval request an automatic containment opens in approval-service. */
    public static final String INCIDENT = "Incident";
    static final String INCIDENT_EVIDENCE = "IncidentEvidence";
    /** Hours of evidence read per channel: a week of history before the day being judged, and that day. */
    static final int HOURS_READ = (TrackingBreakage.HISTORY_DAYS + 1) * 24 + 24;

    private final Pool pool;
    private final Outbox outbox;
    private final DetectorSettings settings;
    private final Clock clock;
    private final GuardConfig config;
    private final IdempotentConsumer idempotent;
    private final LaunchControlConfig launchControl;
    private final ReallocationService reallocations;

    public RiskGuard(Pool pool, Outbox outbox, DetectorSettings settings, Clock clock, GuardConfig config,
                     IdempotentConsumer idempotent, LaunchControlConfig launchControl,
                     ReallocationService reallocations) {
        this.launchControl = launchControl;
        this.reallocations = reallocations;
        this.idempotent = idempotent;
        this.config = config;
        this.pool = pool;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(every = "${mops.budget.guard.sweep:5m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return runDue();
    }

    @Override
    public String name() {
        return "risk guard";
    }

    /** Whether the detectors judge at all ({@code mops.budget.guard.enabled}; off in the simulation). */
    public boolean enabled() {
        return config.enabled();
    }

    @Override
    public Uni<Void> runDue() {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return judge(Instant.now(clock)).invoke(found -> {
            if (!found.isEmpty()) {
                Log.infof("risk guard found %d anomaly(ies)", found.size());
            }
        }).replaceWithVoid();
    }

    /**
     * Judges the hours completed by {@code asOf} and contains what is found.
     *
     * @return the anomalies recorded (not those an open anomaly of the same channel and detector already covers)
     */
    public Uni<List<AnomalyView>> judge(Instant asOf) {
        Instant end = asOf.truncatedTo(ChronoUnit.HOURS);
        Instant start = end.minus(HOURS_READ, ChronoUnit.HOURS);
        LocalDate day = LocalDate.ofInstant(end.minusSeconds(1), ZoneOffset.UTC);
        return expectedDailySpend(day).chain(expected -> evidence(start, end).chain(hours -> unclearedSpend(end)
                .chain(uncleared -> Panache.withSession(settings::current).chain(current -> {
                    List<Anomaly> found = new ArrayList<>();
                    expected.forEach((channel, daily) -> found.addAll(
                            detect(channel, hours.getOrDefault(channel, Map.of()), start, end, daily, current)));
                    found.addAll(uncleared);
                    return Multi.createFrom().iterable(found)
                            .onItem().transformToUniAndConcatenate(a -> contain(a, current.get(a.detector()))
                                    // Another replica recorded it first (the unique open anomaly): nothing to add.
                                    .onFailure().recoverWithItem(failure -> {
                                        Log.infof("anomaly on %s not recorded: %s", a.channel(), failure.getMessage());
                                        return Optional.empty();
                                    }))
                            .collect().asList()
                            .map(all -> all.stream().flatMap(Optional::stream).toList());
                }))));
    }

    /**
     * Launch control's detector: spend recorded in the hour before {@code end} for campaigns that were not cleared
     * for launch when it was recorded (no clearance, a revoked one, or one that came after the spend). One anomaly per
     * channel, naming the campaigns; nothing while launch control is {@code OFF}.
     */
    private Uni<List<Anomaly>> unclearedSpend(Instant end) {
        if (!launchControl.mode().flagsSpend()) {
            return Uni.createFrom().item(List.of());
        }
        Instant from = end.minus(1, ChronoUnit.HOURS);
        return pool.preparedQuery("""
                        select c.channel, c.id, sum(e.amount) as spend, count(*) as reports
                        from spend_entry e join campaign_budget c on c.id = e.campaign_id
                        left join campaign_clearance l on l.campaign_id = c.campaign_key
                        where e.recorded_at >= $1 and e.recorded_at < $2
                          and (l.campaign_id is null or l.status <> 'CLEARED' or l.cleared_at > e.recorded_at)
                        group by c.channel, c.id
                        order by c.channel, c.id""")
                .execute(Tuple.of(from.atOffset(ZoneOffset.UTC), end.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    Map<String, List<Row>> byChannel = new TreeMap<>();
                    for (Row row : rows) {
                        byChannel.computeIfAbsent(row.getString("channel"), c -> new ArrayList<>()).add(row);
                    }
                    List<Anomaly> found = new ArrayList<>();
                    byChannel.forEach((channel, campaigns) -> {
                        double spend = campaigns.stream().mapToDouble(r -> r.getBigDecimal("spend").doubleValue())
                                .sum();
                        List<UUID> ids = campaigns.stream().map(r -> r.getUUID("id")).toList();
                        String evidence = channel + ": " + String.format(java.util.Locale.ROOT, "%.2f", spend)
                                + " spent in the hour from " + from + " by " + ids.size() + " campaign(s) not cleared "
                                + "for launch by QA: " + ids.stream().map(UUID::toString)
                                .collect(Collectors.joining(", "));
                        // Any such spend is a finding: no alarm line, so no margin to rate it by.
                        found.add(new Anomaly(Detector.UNCLEARED_SPEND, channel, end, spend, 0, ids.size(),
                                evidence, ids, Double.NaN));
                    });
                    return found;
                });
    }

    static List<Anomaly> detect(String channel, Map<Instant, ChannelHour> observed, Instant start, Instant end,
                                double expectedDaily, Map<Detector, DetectorSetting> settings) {
        Optional<Instant> first = observed.keySet().stream().min(Instant::compareTo);
        if (first.isEmpty()) {
            return List.of();
        }
        // Hours without any report are hours of nothing, from the first hour the guard has evidence of.
        List<ChannelHour> hours = new ArrayList<>();
        for (Instant hour = first.get(); hour.isBefore(end); hour = hour.plus(1, ChronoUnit.HOURS)) {
            hours.add(observed.getOrDefault(hour, new ChannelHour(hour, 0, 0)));
        }
        List<Anomaly> found = new ArrayList<>();
        DetectorSetting tracking = settings.get(Detector.TRACKING_BREAKAGE);
        int window = Math.min(hours.size(), (int) Math.round(tracking.thresholds().get("windowHours")));
        List<ChannelHour> recent = hours.subList(hours.size() - window, hours.size());
        List<ChannelHour> history = hours.subList(Math.max(0, hours.size() - window
                - TrackingBreakage.HISTORY_DAYS * 24), hours.size() - window);
        new TrackingBreakage(tracking.thresholds()).judge(channel, history, recent).ifPresent(found::add);

        Instant dayStart = end.minusSeconds(1).truncatedTo(ChronoUnit.DAYS);
        int todayFrom = (int) Math.max(0, ChronoUnit.HOURS.between(first.get(), dayStart));
        List<ChannelHour> today = hours.subList(Math.min(todayFrom, hours.size()), hours.size());
        List<ChannelHour> beforeToday = hours.subList(Math.max(0, todayFrom - 7 * 24), Math.min(todayFrom,
                hours.size()));
        // Integrations may report a day's spend in one batch: until a few days show the channel's own rhythm, its
        // reporting hour would look like a runaway against an even day.
        if (beforeToday.size() >= IntradayProfile.MIN_DAYS * 24) {
            IntradayProfile profile = IntradayProfile.learn(beforeToday, ChannelHour::spend);
            new SpendRunaway(settings.get(Detector.SPEND_RUNAWAY).thresholds())
                    .judge(channel, hours.subList(0, hours.size() - 1), today, expectedDaily, profile)
                    .ifPresent(found::add);
        }
        return found;
    }

    /** What pacing expects each channel with a running plan to spend in a day: its allocations over their days. */
    private Uni<Map<String, Double>> expectedDailySpend(LocalDate day) {
        return pool.preparedQuery("""
                        select a.channel, sum(a.amount / (p.period_end - p.period_start + 1)) as daily
                        from channel_allocation a join budget_plan p on p.id = a.plan_id
                        where p.period_start <= $1 and p.period_end >= $1
                        group by a.channel""")
                .execute(Tuple.of(day))
                .map(rows -> {
                    Map<String, Double> daily = new TreeMap<>();
                    for (Row row : rows) {
                        daily.put(row.getString("channel"), row.getBigDecimal("daily").doubleValue());
                    }
                    return daily;
                });
    }

    /** Spend by hour it was recorded in and touchpoints by hour of arrival, per channel. */
    private Uni<Map<String, Map<Instant, ChannelHour>>> evidence(Instant start, Instant end) {
        Tuple window = Tuple.of(start.atOffset(ZoneOffset.UTC), end.atOffset(ZoneOffset.UTC));
        return pool.preparedQuery("""
                        select coalesce(s.channel, t.channel) as channel, coalesce(s.hour, t.hour) as hour,
                               coalesce(s.spend, 0) as spend, coalesce(t.touchpoints, 0) as touchpoints
                        from (select c.channel, date_trunc('hour', e.recorded_at, 'UTC') as hour, sum(e.amount) as spend
                              from spend_entry e join campaign_budget c on c.id = e.campaign_id
                              where e.recorded_at >= $1 and e.recorded_at < $2
                              group by 1, 2) s
                        full join (select channel, hour, touchpoints from guard_touchpoint_hour
                                   where hour >= $1 and hour < $2) t
                          on t.channel = s.channel and t.hour = s.hour""")
                .execute(window)
                .map(rows -> {
                    Map<String, Map<Instant, ChannelHour>> byChannel = new HashMap<>();
                    for (Row row : rows) {
                        Instant hour = row.getOffsetDateTime("hour").toInstant();
                        byChannel.computeIfAbsent(row.getString("channel"), c -> new HashMap<>()).put(hour,
                                new ChannelHour(hour, row.getBigDecimal("spend").doubleValue(),
                                        row.getLong("touchpoints")));
                    }
                    return byChannel;
                });
    }

    private Uni<Optional<AnomalyView>> contain(Anomaly anomaly, DetectorSetting setting) {
        return Panache.withTransaction(() -> record(anomaly, setting));
    }

    /**
     * The loop-decision detector's findings ({@link LoopDecision}), contained like any other: recorded, the CoE's
     * action applied, {@code AnomalyDetected}, {@code ContainmentApplied} and the {@code Incident} written — in the
     * caller's transaction (the track record's measurement), so that the finding exists exactly when the realised
     * value that caused it does.
     */
    public Uni<List<AnomalyView>> containInTransaction(List<Anomaly> found) {
        if (found.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return settings.current().chain(current -> Multi.createFrom().iterable(found)
                .onItem().transformToUniAndConcatenate(a -> record(a, current.get(a.detector())))
                .collect().asList()
                .map(all -> all.stream().flatMap(Optional::stream).toList()));
    }

    private Uni<Optional<AnomalyView>> record(Anomaly anomaly, DetectorSetting setting) {
        return AnomalyRow.count("channel = ?1 and detector = ?2 and (status = ?3 "
                        + "or detectedAt >= ?4)", anomaly.channel(), anomaly.detector().key(), AnomalyRow.OPEN,
                anomaly.detectedAt()).chain(covered -> {
            if (covered > 0) {
                return Uni.createFrom().item(Optional.<AnomalyView>empty());
            }
            AnomalyRow row = new AnomalyRow();
            row.id = UUID.randomUUID();
            row.detector = anomaly.detector().key();
            row.channel = anomaly.channel();
            row.detectedAt = anomaly.detectedAt();
            row.observed = anomaly.observed();
            row.expected = anomaly.expected();
            row.statistic = anomaly.statistic();
            row.evidence = anomaly.evidence().length() <= 2000 ? anomaly.evidence()
                    : anomaly.evidence().substring(0, 2000);
            row.action = setting.action().name();
            row.status = AnomalyRow.OPEN;
            return pausedCampaigns(row, anomaly.campaigns()).chain(campaigns -> {
                row.campaignIds = campaigns.isEmpty() ? null
                        : campaigns.stream().map(UUID::toString).collect(Collectors.joining(","));
                return row.persist()
                        .chain(() -> outbox.record(AnomalyDetected.TYPE, "channel:" + row.channel,
                                new AnomalyDetected(row.id, row.detector, row.channel, row.detectedAt, row.observed,
                                        row.expected, row.statistic, row.evidence, row.action)))
                        .chain(() -> apply(row, setting.action(), campaigns, anomaly.margin()))
                        .replaceWith(Optional.of(AnomalyView.of(row)));
            });
        });
    }

    private Uni<List<UUID>> pausedCampaigns(AnomalyRow row, List<UUID> named) {
        if (!ContainmentAction.PAUSE_CAMPAIGN_SPEND.name().equals(row.action)) {
            return Uni.createFrom().item(List.of());
        }
        if (!named.isEmpty()) {
            // A finding about some campaigns (uncleared spend) pauses those, not the channel's cleared ones.
            return Uni.createFrom().item(named.stream().sorted().toList());
        }
        LocalDate today = LocalDate.ofInstant(row.detectedAt.minusSeconds(1), ZoneOffset.UTC);
        return Campaign.<Campaign>list("channel = ?1 and status = ?2 and planId in (select p.id from Plan p "
                        + "where p.periodStart <= ?3 and p.periodEnd >= ?3)", row.channel, Campaign.Status.ACTIVE,
                today).map(campaigns -> campaigns.stream().map(c -> c.id).sorted().toList());
    }

    private Uni<Void> apply(AnomalyRow row, ContainmentAction action, List<UUID> campaigns, double margin) {
        Instant now = Instant.now(clock);
        Uni<Void> applied = switch (action) {
            case ALERT_ONLY -> Uni.createFrom().voidItem();
            case FREEZE_CHANNEL -> freeze(row, now);
            // Frozen too: otherwise the loop would make the same move again on the next evidence, before anyone looked.
            case ROLL_BACK_LAST_MOVE -> reallocations.rollBackLastMove(row.channel,
                            LocalDate.ofInstant(row.detectedAt.minusSeconds(1), ZoneOffset.UTC),
                            BY + ", anomaly " + row.id)
                    .invoke(outcome -> {
                        row.rolledBackMove = outcome.move();
                        row.containmentDetail = outcome.detail().length() <= 500 ? outcome.detail()
                                : outcome.detail().substring(0, 499) + "…";
                        Log.infof("anomaly %s on %s: %s", row.id, row.channel, row.containmentDetail);
                    })
                    .chain(() -> freeze(row, now));
            // testing-service acts on the ContainmentApplied below; nothing of budget-service's is stopped.
            case PAUSE_EXPERIMENT -> Uni.createFrom().voidItem();
            case PAUSE_CAMPAIGN_SPEND -> {
                Uni<Void> all = Uni.createFrom().voidItem();
                for (UUID campaign : campaigns) {
                    all = all.chain(() -> outbox.record(CampaignSpendPaused.TYPE, "campaign:" + campaign,
                            new CampaignSpendPaused(campaign, row.channel, row.id, row.evidence))).replaceWithVoid();
                }
                yield all;
            }
        };
        if (action == ContainmentAction.ALERT_ONLY) {
            return applied;
        }
        return applied.chain(() -> outbox.record(ContainmentApplied.TYPE, "channel:" + row.channel,
                new ContainmentApplied(row.id, row.detector, row.channel, action.name(), campaigns, now, BY)))
                .chain(() -> outbox.record(ApprovalRequested.TYPE, "channel:" + row.channel, incident(row, action,
                        campaigns, margin)))
                .replaceWithVoid();
    }

    private static Uni<Void> freeze(AnomalyRow row, Instant now) {
        ChannelFreezeRow freeze = new ChannelFreezeRow();
        freeze.key = new ChannelFreezeRow.Key(row.channel, row.id);
        freeze.reason = row.detector + ": " + row.evidence;
        freeze.frozenAt = now;
        return freeze.persist().replaceWithVoid();
    }

    /**
     * The hand-over: an approval request of kind {@code Incident} through approval-service's usual path (its
     * policies, or its fallback, route it; its SLA and escalation apply). Granting it resolves the anomaly.
     */
    private ApprovalRequested incident(AnomalyRow row, ContainmentAction action, List<UUID> campaigns,
                                       double margin) {
        String summary = row.detector + " on " + row.channel + ": " + switch (action) {
            case FREEZE_CHANNEL -> "autonomous budget moves of the channel frozen";
            case PAUSE_CAMPAIGN_SPEND -> "spend of " + campaigns.size() + " campaign(s) paused";
            case PAUSE_EXPERIMENT -> "the channel's running experiments paused";
            case ROLL_BACK_LAST_MOVE -> (row.rolledBackMove != null
                    ? "the channel's last budget move rolled back" : "no budget move rolled back")
                    + " and autonomous budget moves of the channel frozen";
            case ALERT_ONLY -> "alert only";
        } + "; grant to resolve and lift it";
        com.fasterxml.jackson.databind.node.ObjectNode content = com.fasterxml.jackson.databind.node.JsonNodeFactory
                .instance.objectNode();
        content.put("anomalyId", row.id.toString());
        content.put("detector", row.detector);
        content.put("channel", row.channel);
        content.put("detectedAt", row.detectedAt.toString());
        content.put("observed", row.observed);
        content.put("expected", row.expected);
        content.put("statistic", row.statistic);
        content.put("evidence", row.evidence);
        content.put("action", action.name());
        if (row.containmentDetail != null) {
            content.put("containmentDetail", row.containmentDetail);
        }
        if (row.rolledBackMove != null) {
            content.put("rolledBackMove", row.rolledBackMove.toString());
        }
        campaigns.forEach(c -> content.withArray("campaignIds").add(c.toString()));
        // Optional fields of version 1 (docs/events.md): the rating, and what it rests on when JSON can carry it.
        boolean contained = Severity.contained(action, campaigns);
        content.put("contained", contained);
        Severity.rate(margin, contained).ifPresent(level -> content.put("severity", level.name()));
        if (Double.isFinite(margin)) {
            content.put("margin", margin);
        }
        return new ApprovalRequested(INCIDENT, row.id.toString(), row.channel,
                summary.length() <= 300 ? summary : summary.substring(0, 299) + "…",
                row.containmentDetail == null ? row.evidence : row.evidence + "\n\nContainment: "
                        + row.containmentDetail, null, null,
                "budget-service", null, null, new ApprovalEvidence(INCIDENT_EVIDENCE, 1, content));
    }

    /** A person resolves an anomaly: its containment is lifted, who and when are kept on it. */
    public Uni<AnomalyView> resolve(UUID id, String by, String comment) {
        return Panache.withTransaction(() -> AnomalyRow.<AnomalyRow>findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("no anomaly " + id))
                .chain(row -> {
                    if (!AnomalyRow.OPEN.equals(row.status)) {
                        throw new ConflictProblem("anomaly " + id + " was already resolved by " + row.resolvedBy);
                    }
                    return lift(row, by, comment).call(view -> withdrawIncident(row, by, comment));
                }));
    }

    /**
     * The anomaly was resolved here, so its Incident in approval-service has nothing left to decide: it is withdrawn
     * (reason {@code RESOLVED}, by the person who resolved it), which approval-service audits. {@code ALERT_ONLY}
     * opened no Incident.
     */
    private Uni<Void> withdrawIncident(AnomalyRow row, String by, String comment) {
        if (ContainmentAction.ALERT_ONLY.name().equals(row.action)) {
            return Uni.createFrom().voidItem();
        }
        String detail = "anomaly resolved in budget-service by " + by + (comment == null ? "" : ": " + comment);
        return outbox.record(ApprovalWithdrawn.TYPE, "channel:" + row.channel, new ApprovalWithdrawn(INCIDENT,
                row.id.toString(), "RESOLVED", detail.length() <= 2000 ? detail : detail.substring(0, 2000),
                row.resolvedBy)).replaceWithVoid();
    }

    /**
     * An anomaly another service's detector found (attribution-service's data quality) is contained here like the
     * guard's own: recorded, the CoE's action for the detector applied, and for any action but {@code ALERT_ONLY} an
     * {@code Incident} handed over — once per event id. Detectors this service runs itself are passed over (its own
     * {@code AnomalyDetected} on the same topic), as is a detector it does not know.
     */
    public Uni<Void> onAnomalyReported(ReceivedEvent<AnomalyDetected> event, String consumer) {
        AnomalyDetected reported = event.data();
        Optional<Detector> detector = Detector.ofKey(reported.detector()).filter(Detector::reported);
        if (detector.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Anomaly anomaly = new Anomaly(detector.get(), reported.channel(), reported.detectedAt(), reported.observed(),
                reported.expected(), reported.statistic(), reported.evidence() + " (reported by "
                + event.envelope().source() + ", anomaly " + reported.anomalyId() + ")",
                // attribution-service reports the threshold its window crossed as `expected` (docs/attribution.md).
                Severity.above(reported.observed(), reported.expected()));
        return idempotent.applyOnce(consumer, event, e -> settings.current()
                        .chain(current -> contain(anomaly, current.get(anomaly.detector()))))
                .replaceWithVoid();
    }

    /**
     * The incident's resolution arrives from approval-service as a grant by people: the anomaly is resolved by them,
     * once; an anomaly already resolved by REST is left as it is.
     */
    public Uni<Void> onIncidentResolved(ReceivedEvent<ApprovalGranted> event, String consumer) {
        ApprovalGranted granted = event.data();
        UUID id = UUID.fromString(granted.reference());
        return idempotent.applyOnce(consumer, event, e -> AnomalyRow.<AnomalyRow>findById(id).chain(row -> {
            if (row == null || !AnomalyRow.OPEN.equals(row.status)) {
                Log.infof("incident %s resolved in approval-service: the anomaly is %s", id,
                        row == null ? "unknown" : "already " + row.status);
                return Uni.createFrom().voidItem();
            }
            return lift(row, String.join(", ", granted.approvedBy()),
                    Optional.ofNullable(granted.comment()).orElse("resolved in approval-service")).replaceWithVoid();
        })).replaceWithVoid();
    }

    private Uni<AnomalyView> lift(AnomalyRow row, String by, String comment) {
        row.status = AnomalyRow.RESOLVED;
        row.resolvedBy = by.length() <= 200 ? by : by.substring(0, 200);
        row.resolvedAt = Instant.now(clock);
        row.resolution = comment;
        Uni<Void> lifted = ChannelFreezeRow.delete("key.anomalyId", row.id).replaceWithVoid();
        if (!ContainmentAction.ALERT_ONLY.name().equals(row.action)) {
            lifted = lifted.chain(() -> outbox.record(ContainmentLifted.TYPE, "channel:" + row.channel,
                    new ContainmentLifted(row.id, row.channel, row.action, row.campaigns(), row.resolvedBy,
                            row.resolvedAt, comment))).replaceWithVoid();
        }
        return lifted.replaceWith(() -> AnomalyView.of(row));
    }

    public Uni<List<AnomalyView>> anomalies(Optional<String> channel, Optional<String> status) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        channel.ifPresent(c -> {
            query.append(" and channel = :channel");
            parameters.put("channel", c);
        });
        status.ifPresent(s -> {
            query.append(" and status = :status");
            parameters.put("status", s);
        });
        return Panache.withSession(() -> AnomalyRow.<AnomalyRow>find(query + " order by detectedAt desc, id",
                parameters).page(0, 200).list().map(rows -> rows.stream().map(AnomalyView::of).toList()));
    }

    /** The channels the risk guard holds frozen now, with why. */
    public Uni<Map<String, String>> frozenChannels() {
        return Panache.withSession(ChannelFreezeRow::byChannel);
    }
}
