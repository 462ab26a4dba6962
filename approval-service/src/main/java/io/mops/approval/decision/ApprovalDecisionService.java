package io.mops.approval.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.approval.audit.AuditLog;
import io.mops.approval.delegation.Delegation;
import io.mops.approval.directory.Approver;
import io.mops.approval.evidence.EvidenceRevision;
import io.mops.approval.notify.Notifier;
import io.mops.approval.request.ApprovalIntake;
import io.mops.approval.request.ApprovalRequest;
import io.mops.approval.request.ApprovalRequestView;
import io.mops.approval.routing.ApprovalRound;
import io.mops.approval.routing.ApprovalStage;
import io.mops.approval.routing.Verdict;
import io.mops.common.events.ApprovalEvidence;
import io.mops.common.events.ApprovalGranted;
import io.mops.common.events.ApprovalRejected;
import io.mops.common.events.BrandVoiceTaught;
import io.mops.common.events.ChangesRequested;
import io.mops.common.outbox.Outbox;
import io.mops.common.problem.ConflictProblem;
import io.mops.common.problem.InvalidRequestException;
import io.mops.common.problem.NotFoundProblem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Records an approver's decision and, when it settles the request, tells the requesting service — the decision,
 * the request's and stages' new state, the audit entry, the notifications and the event commit together.
 */
@ApplicationScoped
public class ApprovalDecisionService {

    private final Outbox outbox;
    private final AuditLog audit;
    private final Notifier notifier;
    private final ApprovalIntake intake;
    private final Clock clock;
    private final ObjectMapper json;

    public ApprovalDecisionService(Outbox outbox, AuditLog audit, Notifier notifier, ApprovalIntake intake,
                                   Clock clock, ObjectMapper json) {
        this.outbox = outbox;
        this.audit = audit;
        this.notifier = notifier;
        this.intake = intake;
        this.clock = clock;
        this.json = json;
    }

    public Uni<ApprovalDetail> detail(UUID id) {
        return Panache.withSession(() -> find(id, LockModeType.NONE).flatMap(this::detailOf));
    }

    private Uni<ApprovalDetail> detailOf(ApprovalRequest request) {
        return ApprovalStage.of(request.id).flatMap(stages -> ApprovalDecision.of(request.id).flatMap(decisions ->
                EvidenceRevision.of(request.id).map(revisions -> detail(request, stages, decisions, revisions))));
    }

    public Uni<ApprovalDetail> decide(UUID id, Approver caller, DecisionRequest decision) {
        if (decision.verdict() != Verdict.GRANT && (decision.comment() == null || decision.comment().isBlank())) {
            throw new InvalidRequestException("comment", "is required to " + (decision.verdict() == Verdict.REJECT
                    ? "reject" : "request changes") + ": the requester must learn why");
        }
        if (decision.teaches() && decision.verdict() != Verdict.REJECT) {
            throw new InvalidRequestException("teachBrandVoice", "only a rejection teaches the brand voice");
        }
        if (caller.name().equals(decision.onBehalfOf())) {
            throw new InvalidRequestException("onBehalfOf", "names the decider; leave it out to decide in person");
        }
        // The row lock serialises approvers deciding at once: exactly one of two concurrent last grants settles it.
        return Panache.withTransaction(() -> find(id, LockModeType.PESSIMISTIC_WRITE).flatMap(request -> {
            if (request.status == ApprovalRequest.Status.WITHDRAWN) {
                throw new ConflictProblem("request " + id + " was withdrawn by " + request.withdrawnBy + " ("
                        + request.withdrawalReason + "); it needs no decision any more");
            }
            if (request.status == ApprovalRequest.Status.CHANGES_REQUESTED) {
                throw new ConflictProblem("request " + id + " waits for " + request.requestedBy
                        + " to change it; decide again once the revised request arrives");
            }
            if (request.status != ApprovalRequest.Status.PENDING) {
                throw new ConflictProblem("request " + id + " is already " + request.status);
            }
            return memberships(caller, decision.onBehalfOf())
                    .flatMap(memberships -> ApprovalStage.of(id).flatMap(stages -> ApprovalDecision.of(id)
                            .flatMap(earlier -> EvidenceRevision.of(id).flatMap(revisions -> record(request, caller,
                                    decision, memberships, stages, earlier, revisions)))));
        }));
    }

    /** In person: the token's groups. On behalf of a colleague: only the group of a delegation covering today. */
    private Uni<Set<String>> memberships(Approver caller, String onBehalfOf) {
        if (onBehalfOf == null) {
            return Uni.createFrom().item(caller.memberships());
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return Delegation.covering(onBehalfOf, caller.name(), today).map(delegation -> {
            if (delegation == null) {
                throw new ConflictProblem(onBehalfOf + " has not delegated to " + caller.name() + " for " + today);
            }
            return Set.of(delegation.group);
        });
    }

    private Uni<ApprovalDetail> record(ApprovalRequest request, Approver caller, DecisionRequest decision,
                                       Set<String> memberships, List<ApprovalStage> stages,
                                       List<ApprovalDecision> earlier, List<EvidenceRevision> revisions) {
        ApprovalRound round = new ApprovalRound(stages.stream().map(ApprovalStage::toRound).toList(),
                ApprovalRound.Order.valueOf(request.stageOrder == null ? "SEQUENTIAL" : request.stageOrder),
                request.requestedBy, request.evidenceVersion, earlier.stream().map(ApprovalDecision::toVote).toList());
        ApprovalRound.Outcome outcome;
        try {
            outcome = round.decide(new ApprovalRound.Ballot(caller.name(), memberships, decision.onBehalfOf(),
                    decision.verdict()));
        } catch (ApprovalRound.Refused refused) {
            throw new ConflictProblem(refused.getMessage());
        }
        EvidenceRevision current = revisions.stream().filter(r -> r.version == request.evidenceVersion).findFirst()
                .orElse(null);
        Optional<Lesson> lesson = decision.teaches() ? Optional.of(lesson(current)) : Optional.empty();
        Instant now = clock.instant();
        ApprovalDecision recorded = new ApprovalDecision();
        recorded.id = UUID.randomUUID();
        recorded.requestId = request.id;
        recorded.decidedBy = caller.name();
        recorded.onBehalfOf = decision.onBehalfOf();
        recorded.verdict = decision.verdict();
        recorded.comment = decision.comment();
        recorded.decidedAt = now;
        recorded.stagePosition = outcome.stage();
        recorded.evidenceVersion = request.evidenceVersion;
        recorded.teachBrandVoice = decision.teaches();
        List<ApprovalDecision> all = new ArrayList<>(earlier);
        all.add(recorded);
        List<ApprovalStage> opened = new ArrayList<>();
        for (ApprovalStage stage : stages) {
            if (stage.position == outcome.stage() && outcome.stageComplete()) {
                stage.satisfiedAt = now;
            }
            if (outcome.nextStage() != null && stage.position == outcome.nextStage()) {
                stage.open(now);
                opened.add(stage);
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("verdict", decision.verdict().name());
        details.put("by", caller.name());
        details.put("onBehalfOf", decision.onBehalfOf());
        details.put("stage", outcome.stage());
        details.put("evidenceVersion", request.evidenceVersion);
        details.put("comment", decision.comment());
        details.put("teachBrandVoice", decision.teaches());
        return recorded.persist()
                .chain(() -> audit.append(caller.name(), AuditLog.DECIDED, request.id.toString(), details))
                .chain(() -> settle(request, outcome, all, recorded, lesson, now))
                .chain(() -> intake.announce(request, opened, "Your stage is open"))
                .chain(Panache::flush)
                .map(ignored -> detail(request, stages, all, revisions));
    }

    private record Lesson(String brand, String copy) {
    }

    private Lesson lesson(EvidenceRevision current) {
        if (current == null || !ApprovalEvidence.LAUNCH.equals(current.schemaName) || current.content == null) {
            throw new InvalidRequestException("teachBrandVoice", "the request carries no launch copy to learn from");
        }
        try {
            JsonNode content = json.readTree(current.content);
            String brand = content.path("brand").asText("");
            List<String> parts = new ArrayList<>();
            content.path("copy").properties().forEach(e -> {
                if (!e.getValue().asText("").isBlank()) {
                    parts.add(e.getValue().asText());
                }
            });
            if (brand.isBlank() || parts.isEmpty()) {
                throw new InvalidRequestException("teachBrandVoice", "the launch names no brand or has no copy");
            }
            String copy = String.join("\n", parts);
            return new Lesson(brand, copy.length() <= 5000 ? copy : copy.substring(0, 5000));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Uni<?> settle(ApprovalRequest request, ApprovalRound.Outcome outcome, List<ApprovalDecision> all,
                          ApprovalDecision last, Optional<Lesson> lesson, Instant now) {
        Set<String> requester = Set.of(request.requestedBy);
        return switch (outcome.status()) {
            case PENDING -> Uni.createFrom().voidItem();
            case GRANTED -> {
                request.status = ApprovalRequest.Status.GRANTED;
                request.decidedAt = now;
                List<String> everyone = all.stream().filter(d -> d.evidenceVersion == request.evidenceVersion
                        && d.verdict == Verdict.GRANT).map(ApprovalDecision::by).toList();
                yield outbox.record(ApprovalGranted.TYPE, request.subject,
                                new ApprovalGranted(request.id, request.kind, request.reference(), everyone,
                                        last.comment))
                        .chain(() -> audit.append(last.by(), AuditLog.GRANTED, request.id.toString(),
                                Map.of("approvedBy", everyone)))
                        .chain(() -> notifier.tell(Notifier.Topic.DECIDED, request.notice(), requester, List.of(),
                                "Granted by " + String.join(", ", everyone)));
            }
            case REJECTED -> {
                request.status = ApprovalRequest.Status.REJECTED;
                request.decidedAt = now;
                Uni<?> rejected = outbox.record(ApprovalRejected.TYPE, request.subject,
                                new ApprovalRejected(request.id, request.kind, request.reference(), last.by(),
                                        last.comment))
                        .chain(() -> audit.append(last.by(), AuditLog.REJECTED, request.id.toString(),
                                Map.of("comment", last.comment)))
                        .chain(() -> notifier.tell(Notifier.Topic.DECIDED, request.notice(), requester, List.of(),
                                "Rejected by " + last.by() + ": " + last.comment));
                yield lesson.<Uni<?>>map(l -> rejected.chain(() -> outbox.record(BrandVoiceTaught.TYPE,
                        request.subject, new BrandVoiceTaught(request.id, request.reference(), l.brand(), l.copy(),
                                last.comment, last.by())))).orElse(rejected);
            }
            case CHANGES_REQUESTED -> {
                request.status = ApprovalRequest.Status.CHANGES_REQUESTED;
                yield outbox.record(ChangesRequested.TYPE, request.subject,
                                new ChangesRequested(request.id, request.kind, request.reference(), last.by(),
                                        last.comment))
                        .chain(() -> audit.append(last.by(), AuditLog.CHANGES_REQUESTED, request.id.toString(),
                                Map.of("comment", last.comment)))
                        .chain(() -> notifier.tell(Notifier.Topic.DECIDED, request.notice(), requester, List.of(),
                                "Changes requested by " + last.by() + ": " + last.comment));
            }
        };
    }

    ApprovalDetail detail(ApprovalRequest request, List<ApprovalStage> stages, List<ApprovalDecision> decisions,
                          List<EvidenceRevision> revisions) {
        ApprovalRound round = stages.isEmpty() ? null : new ApprovalRound(
                stages.stream().map(ApprovalStage::toRound).toList(),
                ApprovalRound.Order.valueOf(request.stageOrder == null ? "SEQUENTIAL" : request.stageOrder),
                request.requestedBy, request.evidenceVersion, decisions.stream().map(ApprovalDecision::toVote).toList());
        Set<Integer> open = round == null || !request.status.open() ? Set.of()
                : round.open().stream().map(ApprovalRound.Stage::position).collect(Collectors.toSet());
        List<ApprovalDetail.StageView> stageViews = stages.stream().map(s -> new ApprovalDetail.StageView(s.position,
                s.name, s.groups(), s.quorum, round.grants(s.position), open.contains(s.position),
                round.complete(s.toRound()), s.openedAt, s.dueAt, s.remindedAt, s.escalatedTo, s.escalatedAt)).toList();
        EvidenceRevision current = revisions.stream().filter(r -> r.version == request.evidenceVersion).findFirst()
                .orElse(null);
        return new ApprovalDetail(ApprovalRequestView.of(request),
                new ApprovalDetail.Policy(request.policyName, request.policyVersion, request.stageOrder,
                        request.onExpiry),
                stages.stream().mapToInt(s -> s.quorum).sum(), stageViews,
                decisions.stream().map(d -> new ApprovalDetail.DecisionView(d.decidedBy, d.onBehalfOf, d.verdict,
                        d.comment, d.decidedAt, d.stagePosition, d.evidenceVersion,
                        d.evidenceVersion != request.evidenceVersion, d.teachBrandVoice)).toList(),
                current == null ? null : new ApprovalDetail.Evidence(current.version, current.schemaName,
                        current.schemaVersion, content(current.content), current.summary, current.explanation,
                        current.receivedAt),
                revisions.stream().map(r -> new ApprovalDetail.EvidenceVersion(r.version, r.schemaName,
                        r.schemaVersion, r.receivedAt)).toList(),
                !request.incident() ? null : new ApprovalDetail.Acknowledgement(request.acknowledgedAt != null,
                        request.acknowledgementDueAt, request.acknowledgedBy, request.acknowledgedAt,
                        request.acknowledgement, request.acknowledgementEscalatedTo,
                        request.acknowledgementEscalatedAt));
    }

    private JsonNode content(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Uni<ApprovalRequest> find(UUID id, LockModeType lock) {
        return ApprovalRequest.<ApprovalRequest>findById(id, lock)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("no approval request " + id));
    }
}
