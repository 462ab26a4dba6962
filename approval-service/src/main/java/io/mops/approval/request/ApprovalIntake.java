package io.mops.approval.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.approval.ApprovalConfig;
import io.mops.approval.audit.AuditLog;
import io.mops.approval.directory.ApproverDirectory;
import io.mops.approval.evidence.EvidenceRevision;
import io.mops.approval.notify.Notifier;
import io.mops.approval.policy.PolicyBook;
import io.mops.approval.policy.PolicyDocument;
import io.mops.approval.policy.PolicyService;
import io.mops.approval.policy.RequestFacts;
import io.mops.approval.routing.ApprovalStage;
import io.mops.approval.routing.SlaRules;
import io.mops.common.events.ApprovalGranted;
import io.mops.common.events.ApprovalRequested;
import io.mops.common.events.ReceivedEvent;
import io.mops.common.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What happens when a service asks for a decision: the policy in force chooses auto-approval (recorded as such, with
 * the policy's version) or stages; the first stage(s) open and their approvers are told. A request with the source,
 * kind and reference of one still open is a change of its evidence instead: a new evidence revision, the stages
 * start over and grants already given no longer count.
 */
@ApplicationScoped
public class ApprovalIntake {

    private final PolicyService policies;
    private final ApproverDirectory directory;
    private final Notifier notifier;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Clock clock;
    private final ObjectMapper json;
    private final ApprovalConfig config;

    public ApprovalIntake(PolicyService policies, ApproverDirectory directory, Notifier notifier, AuditLog audit,
                          Outbox outbox, Clock clock, ObjectMapper json, ApprovalConfig config) {
        this.config = config;
        this.policies = policies;
        this.directory = directory;
        this.notifier = notifier;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        this.json = json;
    }

    /** Runs inside the consumer's transaction. */
    public Uni<Void> receive(ReceivedEvent<ApprovalRequested> event) {
        ApprovalRequested asked = event.data();
        String source = event.envelope().source();
        return ApprovalRequest.<ApprovalRequest>find("source = ?1 and kind = ?2 and reference = ?3 and status in ?4",
                        source, asked.kind(), asked.reference(),
                        List.of(ApprovalRequest.Status.PENDING, ApprovalRequest.Status.CHANGES_REQUESTED))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(open -> open == null ? route(event) : revise(open, event));
    }

    private Uni<Void> route(ReceivedEvent<ApprovalRequested> event) {
        ApprovalRequested asked = event.data();
        Instant now = clock.instant();
        ApprovalRequest request = new ApprovalRequest();
        request.id = event.id();
        request.subject = event.envelope().subject();
        request.source = event.envelope().source();
        request.kind = asked.kind();
        request.reference = asked.reference();
        request.summary = asked.summary();
        request.explanation = asked.explanation();
        request.channel = asked.channel();
        request.amount = asked.amount();
        request.currency = asked.currency();
        request.requestedBy = asked.requestedBy();
        request.requestedAt = event.envelope().time();
        request.status = ApprovalRequest.Status.PENDING;
        if (request.incident()) {
            // By this service's clock from arrival: the sender's time may lag (a backlog) or be another clock.
            request.acknowledgementDueAt = now.plus(config.incidents().acknowledgeWithin());
        }
        if (asked.risk() != null) {
            request.riskScore = asked.risk().score();
            request.riskVerdict = asked.risk().verdict();
            request.riskCategories = asked.risk().categories().isEmpty() ? null
                    : String.join(",", asked.risk().categories());
        }
        return policies.book().chain(book -> {
            PolicyBook.Choice choice = book.choose(facts(asked));
            PolicyDocument policy = choice.policy();
            request.policyName = policy.name();
            request.policyVersion = choice.version();
            request.stageOrder = policy.stageOrder().name();
            request.onExpiry = policy.onExpiry().name();
            request.expiresAt = SlaRules.expiry(asked.expiresAt(), now, policy.expiresAfter());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("kind", request.kind);
            details.put("reference", request.reference());
            details.put("source", request.source);
            details.put("requestedBy", request.requestedBy);
            details.put("amount", request.amount == null ? null : request.amount.toPlainString());
            details.put("currency", request.currency);
            details.put("policy", choice.label());
            details.put("evidenceVersion", 1);
            if (policy.action() == PolicyDocument.Action.AUTO_APPROVE) {
                request.status = ApprovalRequest.Status.GRANTED;
                request.decidedAt = now;
                request.outcomeNote = "auto-approved by policy " + choice.label();
                String approver = "policy:" + choice.label();
                return request.persist()
                        .chain(() -> evidence(request, asked, 1, now).persist())
                        .chain(() -> audit.append(request.source, AuditLog.REQUESTED, request.id.toString(), details))
                        .chain(() -> audit.append(approver, AuditLog.AUTO_APPROVED, request.id.toString(),
                                Map.of("policy", choice.label())))
                        .chain(() -> outbox.record(ApprovalGranted.TYPE, request.subject, new ApprovalGranted(
                                request.id, request.kind, request.reference(), List.of(approver), request.outcomeNote)))
                        .replaceWithVoid();
            }
            List<ApprovalStage> stages = stages(request, policy, now);
            return request.persist()
                    .chain(() -> evidence(request, asked, 1, now).persist())
                    .chain(() -> ApprovalStage.persist(stages))
                    .chain(() -> audit.append(request.source, AuditLog.REQUESTED, request.id.toString(), details))
                    .chain(() -> announce(request, stages.stream().filter(s -> s.openedAt != null).toList(),
                            "Waiting for your decision"));
        });
    }

    /** Opens the first stage (sequential) or all (parallel); a quorum of "all" counts the groups' members now. */
    private List<ApprovalStage> stages(ApprovalRequest request, PolicyDocument policy, Instant now) {
        List<ApprovalStage> stages = new ArrayList<>();
        for (int i = 0; i < policy.stages().size(); i++) {
            PolicyDocument.Stage plan = policy.stages().get(i);
            ApprovalStage stage = new ApprovalStage();
            stage.requestId = request.id;
            stage.position = i;
            stage.name = plan.name();
            stage.groupList = String.join(",", plan.groups());
            stage.quorum = plan.everyone()
                    ? Math.max(1, notifier.membersOf(plan.groups(), Set.of(request.requestedBy)).size())
                    : plan.quorumNumber();
            stage.dueAfter = plan.due() == null ? null : plan.due().toSeconds();
            stage.remindBefore = plan.remindBefore() == null ? null : plan.remindBefore().toSeconds();
            stage.escalateTo = plan.escalateTo();
            if (i == 0 || policy.stageOrder() == PolicyDocument.StageOrder.PARALLEL) {
                stage.open(now);
            }
            stages.add(stage);
        }
        return stages;
    }

    /** Tells the members of newly opened stages (and their groups' webhooks) that a decision waits for them. */
    public Uni<Void> announce(ApprovalRequest request, List<ApprovalStage> opened, String headline) {
        if (opened.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<String> groups = new HashSet<>();
        opened.forEach(s -> groups.addAll(s.groups()));
        return notifier.tell(Notifier.Topic.ASSIGNED, request.notice(),
                notifier.membersOf(groups, Set.of(request.requestedBy)), groups, headline);
    }

    private Uni<Void> revise(ApprovalRequest request, ReceivedEvent<ApprovalRequested> event) {
        ApprovalRequested asked = event.data();
        Instant now = clock.instant();
        int previous = request.evidenceVersion;
        request.evidenceVersion = previous + 1;
        request.status = ApprovalRequest.Status.PENDING;
        request.summary = asked.summary();
        request.explanation = asked.explanation();
        request.amount = asked.amount();
        request.currency = asked.currency();
        if (asked.expiresAt() != null) {
            request.expiresAt = asked.expiresAt();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("evidenceVersion", request.evidenceVersion);
        details.put("event", event.id().toString());
        details.put("grantsReset", true);
        return evidence(request, asked, request.evidenceVersion, now).persist()
                .chain(() -> ApprovalStage.of(request.id))
                .invoke(stages -> {
                    boolean parallel = "PARALLEL".equals(request.stageOrder);
                    for (ApprovalStage stage : stages) {
                        if (stage.position == 0 || parallel) {
                            stage.open(now);
                        } else {
                            stage.close();
                        }
                    }
                })
                .chain(stages -> audit.append(request.source, AuditLog.EVIDENCE_CHANGED, request.id.toString(), details)
                        .chain(() -> announce(request, stages.stream().filter(s -> s.openedAt != null).toList(),
                                "Changed since you last saw it (evidence v" + request.evidenceVersion
                                        + "; earlier grants no longer count)")));
    }

    private EvidenceRevision evidence(ApprovalRequest request, ApprovalRequested asked, int version, Instant now) {
        EvidenceRevision revision = new EvidenceRevision();
        revision.requestId = request.id;
        revision.version = version;
        revision.summary = asked.summary();
        revision.explanation = asked.explanation();
        revision.receivedAt = now;
        if (asked.evidence() != null) {
            revision.schemaName = asked.evidence().schema();
            revision.schemaVersion = asked.evidence().version();
            try {
                revision.content = json.writeValueAsString(asked.evidence().content());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return revision;
    }

    static RequestFacts facts(ApprovalRequested asked) {
        return new RequestFacts(asked.kind(), asked.channel(), asked.amount(), asked.currency(),
                asked.risk() == null ? null : asked.risk().score(),
                asked.risk() == null ? null : asked.risk().verdict(),
                asked.risk() == null ? Set.of() : Set.copyOf(asked.risk().categories()));
    }
}
