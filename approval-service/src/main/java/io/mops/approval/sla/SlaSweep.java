package io.mops.approval.sla;

import io.mops.approval.ApprovalConfig;
import io.mops.approval.audit.AuditLog;
import io.mops.approval.notify.Notifier;
import io.mops.approval.request.ApprovalRequest;
import io.mops.approval.routing.ApprovalStage;
import io.mops.approval.routing.SlaRules;
import io.mops.common.events.ApprovalExpired;
import io.mops.common.events.ApprovalGranted;
import io.mops.common.outbox.Outbox;
import io.mops.common.time.ClockDrivenJob;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reminders, escalations and expiry, judged against the platform's clock (never wall time), so a driven clock — a
 * market simulation, or a test — moves them. Each request is handled in its own transaction: its row first, the audit
 * trail last, the same lock order as a decision.
 */
@ApplicationScoped
public class SlaSweep implements ClockDrivenJob {

    private final Clock clock;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Notifier notifier;
    private final AtomicLong stagesPastDue = new AtomicLong();

    private final ApprovalConfig config;

    public SlaSweep(Clock clock, Outbox outbox, AuditLog audit, Notifier notifier, MeterRegistry registry,
                    ApprovalConfig config) {
        this.config = config;
        this.clock = clock;
        this.outbox = outbox;
        this.audit = audit;
        this.notifier = notifier;
        // The alert "approvals past SLA" (k8s/base/monitoring/alerts.yaml) watches this.
        Gauge.builder("mops.approval.stages.past.due", stagesPastDue, AtomicLong::get)
                .description("Open stages of pending requests whose due time has passed, at the last sweep")
                .register(registry);
    }

    @Scheduled(every = "${mops.approval.sweep-interval}", delayed = "${mops.outbox.initial-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sweep().onFailure().invoke(e -> Log.warnf(e, "approval SLA sweep failed; tried again next time"))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    @Override
    public String name() {
        return "approval-sla-sweep";
    }

    /** Before the notification dispatcher (order 110), so that a moved clock's reminders go out in the same move. */
    @Override
    public int order() {
        return 100;
    }

    @Override
    public Uni<Void> runDue() {
        return sweep();
    }

    public Uni<Void> sweep() {
        Instant now = clock.instant();
        return Panache.withSession(() -> ApprovalRequest.<ApprovalRequest>find(
                        "status in ?1 and expiresAt <= ?2", List.of(ApprovalRequest.Status.PENDING,
                                ApprovalRequest.Status.CHANGES_REQUESTED), now).list())
                .map(expired -> expired.stream().map(r -> r.id).toList())
                .chain(expired -> Multi.createFrom().iterable(expired)
                        .onItem().transformToUniAndConcatenate(id -> expire(id, now)).collect().asList())
                .chain(() -> Panache.withSession(() -> ApprovalStage.<ApprovalStage>list(
                        "satisfiedAt is null and openedAt is not null and dueAt is not null and (remindedAt is null"
                                + " or escalatedAt is null) and requestId in (select r.id from ApprovalRequest r"
                                + " where r.status = ?1)", ApprovalRequest.Status.PENDING)))
                .map(stages -> stages.stream().filter(s -> SlaRules.reminderDue(s.clock(), now)
                        || SlaRules.escalationDue(s.clock(), now)).map(s -> new StageRef(s.requestId, s.position))
                        .toList())
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(s -> stageClock(s, now)).collect().asList())
                .chain(() -> Panache.withSession(() -> ApprovalStage.count(
                        "satisfiedAt is null and openedAt is not null and dueAt <= ?2 and requestId in"
                                + " (select r.id from ApprovalRequest r where r.status = ?1)",
                        ApprovalRequest.Status.PENDING, now)))
                .invoke(stagesPastDue::set)
                .chain(() -> Panache.withSession(() -> ApprovalRequest.<ApprovalRequest>list(
                        "kind = ?1 and status in ?2 and acknowledgedAt is null and acknowledgementEscalatedAt is null"
                                + " and acknowledgementDueAt <= ?3", ApprovalRequest.INCIDENT,
                        List.of(ApprovalRequest.Status.PENDING, ApprovalRequest.Status.CHANGES_REQUESTED), now)))
                .map(due -> due.stream().map(r -> r.id).toList())
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(id -> escalateAcknowledgement(id, now))
                        .collect().asList())
                .replaceWithVoid();
    }

    /** An incident nobody acknowledged by its due time: its escalation group is told, once, and it is audited. */
    private Uni<Void> escalateAcknowledgement(UUID id, Instant now) {
        String to = config.incidents().escalateTo();
        return Panache.withTransaction(() -> ApprovalRequest.<ApprovalRequest>findById(id,
                LockModeType.PESSIMISTIC_WRITE).chain(request -> {
            if (request == null || !request.status.open()
                    || !SlaRules.escalationDue(request.acknowledgementClock(to), now)) {
                return Uni.createFrom().voidItem();
            }
            request.acknowledgementEscalatedAt = now;
            request.acknowledgementEscalatedTo = to;
            return audit.append("approval-service", AuditLog.ACKNOWLEDGEMENT_ESCALATED, request.id.toString(),
                            Map.of("to", to, "dueAt", request.acknowledgementDueAt.toString()))
                    .chain(() -> notifier.tell(Notifier.Topic.ESCALATED, request.notice(),
                            notifier.membersOf(Set.of(to), Set.of(request.requestedBy)), List.of(to),
                            "Escalated to " + to + ": incident not acknowledged by " + request.acknowledgementDueAt));
        }));
    }

    private record StageRef(UUID requestId, int position) {
    }

    private Uni<Void> expire(UUID id, Instant now) {
        return Panache.withTransaction(() -> ApprovalRequest.<ApprovalRequest>findById(id,
                LockModeType.PESSIMISTIC_WRITE).chain(request -> {
            if (request == null || !request.status.open() || request.expiresAt == null
                    || request.expiresAt.isAfter(now)) {
                return Uni.createFrom().voidItem();
            }
            request.decidedAt = now;
            if ("GRANT".equals(request.onExpiry)) {
                request.status = ApprovalRequest.Status.GRANTED;
                request.outcomeNote = "granted on expiry by policy " + request.policyLabel()
                        + ": nobody decided before " + request.expiresAt;
                String approver = "policy:" + request.policyLabel() + " (on expiry)";
                return outbox.record(ApprovalGranted.TYPE, request.subject, new ApprovalGranted(request.id,
                                request.kind, request.reference(), List.of(approver), request.outcomeNote))
                        .chain(() -> audit.append(approver, AuditLog.GRANTED_ON_EXPIRY, request.id.toString(),
                                Map.of("expiresAt", request.expiresAt.toString())))
                        .chain(() -> notifier.tell(Notifier.Topic.DECIDED, request.notice(), Set.of(request.requestedBy),
                                List.of(), "Granted on expiry by policy " + request.policyLabel()));
            }
            request.status = ApprovalRequest.Status.EXPIRED;
            request.outcomeNote = "nobody decided before " + request.expiresAt;
            return outbox.record(ApprovalExpired.TYPE, request.subject, new ApprovalExpired(request.id, request.kind,
                            request.reference(), request.expiresAt))
                    .chain(() -> audit.append("approval-service", AuditLog.EXPIRED, request.id.toString(),
                            Map.of("expiresAt", request.expiresAt.toString())))
                    .chain(() -> notifier.tell(Notifier.Topic.DECIDED, request.notice(), Set.of(request.requestedBy),
                            List.of(), "Expired undecided"));
        }));
    }

    private Uni<Void> stageClock(StageRef ref, Instant now) {
        return Panache.withTransaction(() -> ApprovalRequest.<ApprovalRequest>findById(ref.requestId(),
                LockModeType.PESSIMISTIC_WRITE).chain(request -> {
            if (request == null || request.status != ApprovalRequest.Status.PENDING) {
                return Uni.createFrom().voidItem();
            }
            return ApprovalStage.of(request.id).chain(stages -> {
                ApprovalStage stage = stages.stream().filter(s -> s.position == ref.position()).findFirst()
                        .orElse(null);
                if (stage == null) {
                    return Uni.createFrom().voidItem();
                }
                Uni<Void> work = Uni.createFrom().voidItem();
                if (SlaRules.reminderDue(stage.clock(), now)) {
                    stage.remindedAt = now;
                    work = work.chain(() -> audit.append("approval-service", AuditLog.REMINDED, request.id.toString(),
                                    Map.of("stage", stage.name, "dueAt", stage.dueAt.toString())))
                            .chain(() -> notifier.tell(Notifier.Topic.REMINDER, request.notice(),
                                    notifier.membersOf(stage.groups(), Set.of(request.requestedBy)), stage.groups(),
                                    "Reminder: due " + stage.dueAt));
                }
                if (SlaRules.escalationDue(stage.clock(), now)) {
                    stage.escalatedAt = now;
                    stage.escalatedTo = stage.escalateTo;
                    if (stage.remindedAt == null) {
                        stage.remindedAt = now;
                    }
                    work = work.chain(() -> audit.append("approval-service", AuditLog.ESCALATED, request.id.toString(),
                                    Map.of("stage", stage.name, "to", stage.escalateTo, "dueAt",
                                            stage.dueAt.toString())))
                            .chain(() -> notifier.tell(Notifier.Topic.ESCALATED, request.notice(),
                                    notifier.membersOf(Set.of(stage.escalateTo), Set.of(request.requestedBy)),
                                    List.of(stage.escalateTo), "Escalated to " + stage.escalateTo
                                            + ": stage '" + stage.name + "' was due " + stage.dueAt));
                }
                return work;
            });
        }));
    }
}
