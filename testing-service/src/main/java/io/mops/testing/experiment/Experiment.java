package io.mops.testing.experiment;

import io.mops.common.problem.NotFoundProblem;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "experiment")
public class Experiment extends PanacheEntityBase {

    /**
     * draft -> running <-> paused, and running or paused -> concluded, which is final. A draft whose campaign is not
     * yet cleared for launch may instead wait for it ({@code POST /experiments/{key}/start}): awaiting clearance ->
     * running when qa-service clears the campaign, or back to draft when a person stops the wait.
     */
    public enum Status {
        DRAFT, AWAITING_CLEARANCE, RUNNING, PAUSED, CONCLUDED;

        public boolean mayBecome(Status next) {
            return switch (this) {
                case DRAFT -> next == RUNNING || next == AWAITING_CLEARANCE;
                case AWAITING_CLEARANCE -> next == RUNNING || next == DRAFT;
                case RUNNING -> next == PAUSED || next == CONCLUDED;
                case PAUSED -> next == RUNNING || next == CONCLUDED;
                case CONCLUDED -> false;
            };
        }

        /** Never ran: a draft, or one waiting for its campaign's clearance. */
        public boolean beforeStart() {
            return this == DRAFT || this == AWAITING_CLEARANCE;
        }
    }

    @Id
    public UUID id;
    @Column(nullable = false, unique = true)
    public String key;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public String channel;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(nullable = false)
    public String metric;
    @Enumerated(EnumType.STRING)
    @Column(name = "metric_kind", nullable = false)
    public MetricKind metricKind;
    /** Mixed into every unit's hash, so that experiments shuffle units independently of each other. */
    @Column(nullable = false)
    public int seed;
    @Column(name = "control_variant")
    public String controlVariant;
    /** Bumped with every change of the traffic split; exposures record the version they were made under. */
    @Column(name = "allocation_version", nullable = false)
    public int allocationVersion;
    public String winner;
    @Column(name = "status_changed_by")
    public String statusChangedBy;
    @Column(name = "status_changed_at")
    public Instant statusChangedAt;
    /** How often the service re-weights this experiment by itself; {@code null}: only on request. */
    @Column(name = "reweigh_every_seconds")
    public Long reweighEverySeconds;
    @Column(name = "last_reweighed_at")
    public Instant lastReweighedAt;
    /** Guardrail metric names, comma-separated; rates of harm where higher is worse. */
    public String guardrails;
    /** The control's expected mean, stated at creation; {@code null} for the configured default. */
    public Double baseline;
    /** The relative uplift worth finding, stated at creation; {@code null} for the configured default. */
    @Column(name = "minimum_detectable_effect")
    public Double minimumDetectableEffect;
    /** The always-valid tests' mixing scales, fixed when the experiment starts ({@code null} before). */
    @Column(name = "sequential_mixing_scale")
    public Double sequentialMixingScale;
    @Column(name = "sequential_standardised")
    public Boolean sequentialStandardised;
    @Column(name = "guardrail_mixing_scale")
    public Double guardrailMixingScale;
    /**
     * The campaign it tests: qa-service's campaign key, the key budget-service's campaigns carry too
     * ({@code campaignKey}). It runs only while QA has cleared it. Null: not gated.
     */
    @Column(name = "campaign_id")
    public String campaignId;

    /**
     * Whether the experiment concluded with a declared winner, which it now serves to every unit (a unit that saw
     * another variant during the experiment too: the point of declaring a winner is to roll it out).
     */
    public boolean rollsOutWinner() {
        return status == Status.CONCLUDED && winner != null;
    }

    public List<String> guardrailMetrics() {
        return guardrails == null || guardrails.isBlank() ? List.of() : List.of(guardrails.split(","));
    }

    /** The plan fixed at the start; experiments started before plans were stored get the configured defaults. */
    public SequentialPlan sequentialPlan(SequentialPlan.Defaults defaults) {
        if (sequentialMixingScale == null || guardrailMixingScale == null) {
            return SequentialPlan.atStart(metricKind, baseline, minimumDetectableEffect, defaults);
        }
        return new SequentialPlan(sequentialMixingScale, Boolean.TRUE.equals(sequentialStandardised),
                guardrailMixingScale);
    }

    /** Fixes the always-valid tests' mixing scales; called once, when the experiment first starts. */
    void fixSequentialPlan(SequentialPlan.Defaults defaults) {
        SequentialPlan plan = SequentialPlan.atStart(metricKind, baseline, minimumDetectableEffect, defaults);
        sequentialMixingScale = plan.mixingScale();
        sequentialStandardised = plan.standardised();
        guardrailMixingScale = plan.guardrailMixingScale();
    }

    static Uni<List<Experiment>> visibleTo(Optional<String> channel) {
        Sort newestFirst = Sort.descending("createdAt");
        return channel.map(c -> Experiment.<Experiment>list("channel", newestFirst, c))
                .orElseGet(() -> Experiment.listAll(newestFirst));
    }

    public static Uni<Experiment> byKey(String key) {
        return Experiment.<Experiment>find("key", key).firstResult().onItem().ifNull()
                .failWith(() -> new NotFoundProblem("no experiment with key '" + key + "'"));
    }

    /**
     * The experiment, its row locked until the transaction ends: every change of its state (status, variants,
     * re-weighting) reads it this way, so that two changes at once are applied one after the other and each sees the
     * other's result — without it two pauses of a running experiment both succeeded and the history recorded
     * RUNNING → PAUSED twice ({@code ExperimentConcurrencySoakTest}). Call inside a transaction.
     */
    public static Uni<Experiment> byKeyForUpdate(String key) {
        return Experiment.<Experiment>find("key", key).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundProblem("no experiment with key '" + key + "'"));
    }

    /** Running experiments whose re-weighting cadence has elapsed at {@code now}. */
    public static Uni<List<Experiment>> dueForReweighing(Instant now) {
        return Experiment.<Experiment>list("status = ?1 and reweighEverySeconds is not null", Status.RUNNING)
                .map(running -> running.stream()
                        .filter(e -> e.lastReweighedAt == null
                                || !e.lastReweighedAt.plusSeconds(e.reweighEverySeconds).isAfter(now))
                        .toList());
    }

    /** The experiments waiting for {@code campaignId}'s clearance, their rows locked. Call inside a transaction. */
    static Uni<List<Experiment>> awaitingClearanceForUpdate(String campaignId) {
        return Experiment.<Experiment>find("campaignId = ?1 and status = ?2 order by key", campaignId,
                Status.AWAITING_CLEARANCE).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    static Uni<List<Experiment>> awaitingOnChannelForUpdate(String channel) {
        return Experiment.<Experiment>find("channel = ?1 and status = ?2 order by key", channel,
                Status.AWAITING_CLEARANCE).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    static Uni<Boolean> keyTaken(String key) {
        return Experiment.count("key", key).map(n -> n > 0);
    }
}
