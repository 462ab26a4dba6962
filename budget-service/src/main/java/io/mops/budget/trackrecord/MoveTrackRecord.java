package io.mops.budget.trackrecord;

import io.mops.common.events.ChannelPerformanceUpdated.PeriodKind;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** One applied move's forecast and, once the periods after it are over, what it brought. */
@Entity
@Table(name = "move_track_record")
public class MoveTrackRecord extends PanacheEntityBase {

    public enum Status { PENDING, REALISED, UNMEASURABLE }

    @Id
    @Column(name = "proposal_id")
    public UUID proposalId;
    @Column(name = "plan_id", nullable = false)
    public UUID planId;
    @Column(name = "applied_at", nullable = false)
    public Instant appliedAt;
    /** The moved channels, sorted, comma-separated. */
    @Column(nullable = false)
    public String channels;
    @Column(nullable = false, columnDefinition = "char(3)")
    public String currency;
    @Column(nullable = false)
    public String model;
    @Enumerated(EnumType.STRING)
    @Column(name = "period_kind", nullable = false)
    public PeriodKind periodKind;
    @Column(nullable = false)
    public int periods;
    @Column(name = "plan_periods", nullable = false)
    public double planPeriods;
    @Column(name = "baseline_start", nullable = false)
    public LocalDate baselineStart;
    @Column(name = "after_end", nullable = false)
    public LocalDate afterEnd;
    @Column(name = "expected_change", nullable = false)
    public double expectedChange;
    @Column(name = "expected_change_std_err", nullable = false)
    public double expectedChangeStandardError;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    @Column(name = "realised_change")
    public Double realisedChange;
    @Column(name = "baseline_per_period")
    public Double baselinePerPeriod;
    @Column(name = "after_per_period")
    public Double afterPerPeriod;
    /** The realised change's standard error from the windows' spread (MoveRealisation); null without spread. */
    @Column(name = "measurement_std_err")
    public Double measurementStandardError;
    @Column(name = "realised_at")
    public Instant realisedAt;
    @Column(nullable = false)
    public String basis;
    /** When the realised change, below the forecast's 90 % interval, was handed to the risk guard (loop-decision). */
    @Column(name = "below_interval_reported_at")
    public Instant belowIntervalReportedAt;

    public Set<String> channelSet() {
        return new LinkedHashSet<>(Arrays.asList(channels.split(",")));
    }

    public MoveRealisation.Window window() {
        return MoveRealisation.Window.around(LocalDate.ofInstant(appliedAt, java.time.ZoneOffset.UTC), periodKind,
                periods);
    }

    /**
     * The records a signal of {@code periodStart} may change: every pending one, and realised ones whose windows
     * include the period (a later revision of attribution's figures). Needs a session.
     */
    static Uni<java.util.List<MoveTrackRecord>> touchedBy(LocalDate periodStart) {
        return list("status = ?1 or (status = ?2 and baselineStart <= ?3 and afterEnd >= ?3)", Status.PENDING,
                Status.REALISED, periodStart);
    }
}
