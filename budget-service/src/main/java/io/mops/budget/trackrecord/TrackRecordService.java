package io.mops.budget.trackrecord;

import io.mops.budget.guard.LoopDecision;
import io.mops.budget.guard.RiskGuard;
import io.mops.budget.signal.ChannelSignal;
import io.mops.budget.optimiser.RestOfPlan;
import io.mops.budget.signal.CurvesConfig;
import io.mops.common.events.ChannelPerformanceUpdated.PeriodKind;
import io.mops.common.trackrecord.Forecast;
import io.mops.common.trackrecord.TrackRecord;
import io.mops.common.trackrecord.TrackedDecision;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Keeps the track record of applied budget moves: opens a record with the move's forecast when it is applied,
 * measures it ({@link MoveRealisation}) as channel performance for the periods after it arrives, and reads it back
 * with its calibration.
 */
@ApplicationScoped
public class TrackRecordService {

    /** The most decisions one answer lists; calibration is over the same ones. */
    static final int LIMIT = 1000;

    private final CurvesConfig curves;
    private final TrackRecordConfig config;
    private final Clock clock;
    private final RiskGuard guard;

    public TrackRecordService(CurvesConfig curves, TrackRecordConfig config, Clock clock, RiskGuard guard) {
        this.guard = guard;
        this.curves = curves;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Opens the record of a move just applied. Runs in the caller's transaction, so the record exists exactly when
     * the move does.
     *
     * @param movedChannels the channels whose allocation changed
     */
    public Uni<Void> open(UUID proposalId, UUID planId, Instant appliedAt, Collection<String> movedChannels,
                          String currency, LocalDate planStart, LocalDate planEnd, double expectedChange,
                          double expectedChangeStandardError) {
        MoveTrackRecord record = new MoveTrackRecord();
        record.proposalId = proposalId;
        record.planId = planId;
        record.appliedAt = appliedAt;
        record.channels = String.join(",", new TreeSet<>(movedChannels));
        record.currency = currency;
        record.model = curves.attributionModel();
        record.periodKind = curves.period();
        record.periods = config.periods();
        // As the optimiser scaled the curves: D days left of the plan span D / (days per period) periods of the
        // evidence, and the forecast is the change over them.
        record.planPeriods = RestOfPlan.of(planStart, planEnd, LocalDate.ofInstant(appliedAt, ZoneOffset.UTC))
                .periodsLeft(curves.period().days());
        MoveRealisation.Window window = record.window();
        record.baselineStart = window.baselineStart();
        record.afterEnd = window.afterEnd();
        record.expectedChange = expectedChange;
        record.expectedChangeStandardError = expectedChangeStandardError;
        record.status = MoveTrackRecord.Status.PENDING;
        record.basis = "waiting for the " + window.periods() + " " + record.periodKind.name().toLowerCase(Locale.ROOT)
                + "s after the move, " + window.afterStart() + " to " + window.afterEnd() + ", to end";
        return record.persist().replaceWithVoid();
    }

    /** A move rolled back before its outcome could be measured is closed as unmeasurable. In the caller's transaction. */
    public Uni<Void> rolledBack(UUID proposalId, Instant at) {
        return MoveTrackRecord.<MoveTrackRecord>findById(proposalId).invoke(record -> {
            if (record == null || record.status != MoveTrackRecord.Status.PENDING) {
                return;
            }
            MoveRealisation.rolledBack(record.window(), LocalDate.ofInstant(at, ZoneOffset.UTC)).ifPresent(why -> {
                record.status = MoveTrackRecord.Status.UNMEASURABLE;
                record.basis = why.why();
            });
        }).replaceWithVoid();
    }

    /**
     * Measures again every record a stored signal may complete or revise. Runs in the transaction that stored the
     * signal; only signals the curves are fitted on count, as only they are what the forecast was made from.
     */
    public Uni<Void> onSignal(String channel, String model, PeriodKind kind, String currency, LocalDate periodStart) {
        if (!curves.fitsOn(model, kind)) {
            return Uni.createFrom().voidItem();
        }
        return MoveTrackRecord.touchedBy(periodStart).chain(records -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (MoveTrackRecord record : records) {
                if (record.channelSet().contains(channel) && record.model.equals(model) && record.periodKind == kind
                        && record.currency.equals(currency)) {
                    all = all.chain(() -> measure(record));
                }
            }
            return all;
        });
    }

    private Uni<Void> measure(MoveTrackRecord record) {
        MoveRealisation.Window window = record.window();
        return otherChanges(record, window).chain(others -> {
            var overlapped = MoveRealisation.overlapped(window, others);
            if (overlapped.isPresent()) {
                // Final once the window is over (no later change can fall inside it); until then it may still be
                // pending, but an overlap already known will not go away.
                record.status = MoveTrackRecord.Status.UNMEASURABLE;
                record.realisedChange = null;
                record.measurementStandardError = null;
                record.basis = overlapped.get().why();
                return Uni.createFrom().voidItem();
            }
            return realise(record, window);
        });
    }

    /**
     * The plan's other applied moves, exploration steps and rollbacks made inside the window. Read with SQL on
     * {@code reallocation_proposal} rather than through its entity, so that this package does not depend on the
     * {@code reallocation} package, which depends on it.
     */
    private Uni<List<MoveRealisation.OtherChange>> otherChanges(MoveTrackRecord record, MoveRealisation.Window window) {
        Instant from = window.baselineStart().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = window.afterEnd().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        // Days as text, so that no driver's mapping of timestamptz or date decides what comes back.
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select cast(id as varchar), exploration_of is not null,
                               to_char(decided_at at time zone 'UTC', 'YYYY-MM-DD'),
                               to_char(rolled_back_at at time zone 'UTC', 'YYYY-MM-DD')
                        from reallocation_proposal
                        where plan_id = :plan and id <> :self and status in ('APPLIED', 'ROLLED_BACK')
                          and ((decided_at >= :from and decided_at < :to)
                               or (rolled_back_at >= :from and rolled_back_at < :to))""", Object[].class)
                .setParameter("plan", record.planId).setParameter("self", record.proposalId)
                .setParameter("from", from.atOffset(ZoneOffset.UTC)).setParameter("to", to.atOffset(ZoneOffset.UTC))
                .getResultList())
                .map(rows -> {
                    // MoveRealisation.overlapped keeps the days inside the window: a move decided before it and
                    // rolled back inside it is listed with both days.
                    List<MoveRealisation.OtherChange> changes = new ArrayList<>();
                    for (Object[] row : rows) {
                        String what = (Boolean.TRUE.equals(row[1]) ? "exploration step " : "move ") + row[0];
                        if (row[2] != null) {
                            changes.add(new MoveRealisation.OtherChange(what, LocalDate.parse((String) row[2])));
                        }
                        if (row[3] != null) {
                            changes.add(new MoveRealisation.OtherChange("rollback of " + what,
                                    LocalDate.parse((String) row[3])));
                        }
                    }
                    return changes;
                });
    }

    private Uni<Void> realise(MoveTrackRecord record, MoveRealisation.Window window) {
        return ChannelSignal.<ChannelSignal>list("key.channel in ?1 and key.model = ?2 and key.periodKind = ?3 "
                                + "and key.currency = ?4 and key.periodStart >= ?5 and key.periodStart <= ?6",
                        List.copyOf(record.channelSet()), record.model, record.periodKind, record.currency,
                        window.baselineStart(), window.afterEnd())
                .invoke(signals -> {
                    List<MoveRealisation.PeriodValue> values = signals.stream()
                            .map(s -> new MoveRealisation.PeriodValue(s.key.channel(), s.key.periodStart(),
                                    s.creditedValue.doubleValue()))
                            .toList();
                    Instant now = Instant.now(clock);
                    switch (MoveRealisation.realise(window, record.channelSet(), values, record.planPeriods,
                            LocalDate.ofInstant(now, ZoneOffset.UTC))) {
                        case MoveRealisation.Realised realised -> {
                            record.status = MoveTrackRecord.Status.REALISED;
                            record.realisedChange = realised.change();
                            record.baselinePerPeriod = realised.baselinePerPeriod();
                            record.afterPerPeriod = realised.afterPerPeriod();
                            record.measurementStandardError = realised.measurementStandardError();
                            record.realisedAt = now;
                            record.basis = realised.basis();
                        }
                        case MoveRealisation.Pending pending -> {
                            // A realised record stays realised: a pending answer for it cannot happen (its periods
                            // are over and its signals are only ever replaced, never removed).
                            if (record.status == MoveTrackRecord.Status.PENDING) {
                                record.basis = pending.why();
                            }
                        }
                        case MoveRealisation.Unmeasurable unmeasurable -> {
                            record.status = MoveTrackRecord.Status.UNMEASURABLE;
                            record.basis = unmeasurable.why();
                        }
                    }
                })
                .chain(() -> reportIfBelowInterval(record));
    }

    /**
     * The loop-decision detector: a move realised below its forecast's 90 % interval is handed to the risk guard once
     * (a later revision of its evidence does not report it again), in this transaction.
     */
    private Uni<Void> reportIfBelowInterval(MoveTrackRecord record) {
        if (!guard.enabled() || record.status != MoveTrackRecord.Status.REALISED
                || record.belowIntervalReportedAt != null) {
            return Uni.createFrom().voidItem();
        }
        var found = LoopDecision.judge(record.proposalId, record.channelSet(), judgedAgainst(record),
                record.realisedChange, record.currency, record.realisedAt);
        if (found.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        record.belowIntervalReportedAt = record.realisedAt;
        return guard.containInTransaction(found).replaceWithVoid();
    }

    /**
     * The applied moves made on days {@code from..to} (either end open), newest first, of the channel the caller
     * is confined to (a move that changed it) or all.
     */
    public Uni<TrackRecord> read(Optional<LocalDate> from, Optional<LocalDate> to, Optional<String> channel) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        from.ifPresent(day -> {
            conditions.add("appliedAt >= :from");
            parameters.and("from", day.atStartOfDay(ZoneOffset.UTC).toInstant());
        });
        to.ifPresent(day -> {
            conditions.add("appliedAt < :to");
            parameters.and("to", day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        });
        channel.ifPresent(c -> {
            conditions.add("concat(',', channels, ',') like :channel");
            parameters.and("channel", "%," + c + ",%");
        });
        String query = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        return Panache.withSession(() -> MoveTrackRecord.<MoveTrackRecord>find(query,
                        Sort.descending("appliedAt").and("proposalId"), parameters).page(0, LIMIT).list())
                .map(records -> TrackRecord.of(records.stream()
                        .map(TrackRecordService::decision)
                        .toList()));
    }

    static TrackedDecision decision(MoveTrackRecord record) {
        String what = String.format(Locale.ROOT, "budget move in plan %s across %s: expected change of %s credited "
                        + "value over the plan's period", record.planId, String.join(", ", record.channelSet()),
                record.currency);
        boolean realised = record.status == MoveTrackRecord.Status.REALISED;
        return new TrackedDecision(record.proposalId.toString(), record.appliedAt, List.copyOf(record.channelSet()),
                "OUTCOME_CHANGE", what, forecast(record), realised ? record.realisedChange : null,
                realised ? record.realisedAt : null, record.basis,
                realised && record.measurementStandardError != null ? judgedAgainst(record) : null,
                record.status == MoveTrackRecord.Status.UNMEASURABLE);
    }

    private static Forecast forecast(MoveTrackRecord record) {
        return Forecast.withStandardError(record.expectedChange, record.expectedChangeStandardError);
    }

    /** The forecast's interval widened by the measurement's noise when that is known (MoveRealisation). */
    private static Forecast judgedAgainst(MoveTrackRecord record) {
        return record.measurementStandardError == null ? forecast(record)
                : forecast(record).widenedBy(record.measurementStandardError);
    }

}
