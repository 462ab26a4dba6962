package io.mops.approval.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.approval.ApprovalConfig;
import io.mops.approval.audit.AuditLog;
import io.mops.approval.directory.ApproverDirectory;
import io.mops.common.problem.ConflictProblem;
import io.mops.common.problem.InvalidRequestException;
import io.mops.common.problem.NotFoundProblem;
import io.mops.common.problem.Problem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The CoE's policies: in force, changed (as a new version, with who and when), retired, and their history. */
@ApplicationScoped
public class PolicyService {

    /** A version as the history shows it: who changed what, with the policy before and after. */
    public record Change(int version, String changedBy, java.time.Instant changedAt, boolean retired,
                         PolicyDocument before, PolicyDocument after) {
    }

    public record InForce(int version, String changedBy, java.time.Instant changedAt, PolicyDocument policy) {
    }

    private final ObjectMapper json;
    private final ApproverDirectory directory;
    private final AuditLog audit;
    private final Clock clock;
    private final ApprovalConfig config;

    public PolicyService(ObjectMapper json, ApproverDirectory directory, AuditLog audit, Clock clock,
                         ApprovalConfig config) {
        this.json = json;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.config = config;
    }

    /** The book of policies in force; needs a session. */
    public Uni<PolicyBook> book() {
        return PolicyVersion.all().map(all -> new PolicyBook(latest(all).stream().filter(v -> !v.retired)
                .map(v -> new PolicyBook.Versioned(read(v.document), v.version)).toList(), fallback()));
    }

    public PolicyBook.Fallback fallback() {
        return new PolicyBook.Fallback(config.fallback().secondApproverAbove(), config.fallback().group(),
                config.fallback().expiresAfter().orElse(null));
    }

    public Uni<List<InForce>> inForce() {
        return Panache.withSession(() -> PolicyVersion.all().map(all -> latest(all).stream().filter(v -> !v.retired)
                .map(v -> new InForce(v.version, v.changedBy, v.changedAt, read(v.document))).toList()));
    }

    public Uni<List<Change>> history(String name) {
        return Panache.withSession(() -> PolicyVersion.history(name).map(versions -> {
            if (versions.isEmpty()) {
                throw new NotFoundProblem("no policy '" + name + "'");
            }
            List<Change> changes = new ArrayList<>();
            PolicyDocument before = null;
            for (PolicyVersion v : versions) {
                PolicyDocument after = v.retired ? null : read(v.document);
                changes.add(new Change(v.version, v.changedBy, v.changedAt, v.retired, before, after));
                before = after;
            }
            return changes;
        }));
    }

    /**
     * Adds a policy or a new version of one. The directory is read afresh first (a group created a moment ago
     * counts); the checks and the write happen in one transaction.
     *
     * @param create true for POST (the name must be new), false for PUT (the name must exist)
     */
    public Uni<InForce> save(PolicyDocument policy, boolean create, String by) {
        Context context = Vertx.currentContext();
        return directory.fresh()
                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                .chain(ignored -> Panache.withTransaction(() -> PolicyVersion.all().chain(all -> {
                    List<PolicyVersion> latest = latest(all);
                    PolicyVersion current = latest.stream().filter(v -> v.name.equals(policy.name())).findFirst()
                            .orElse(null);
                    if (create && current != null && !current.retired) {
                        throw new ConflictProblem("policy '" + policy.name() + "' exists (v" + current.version
                                + "); change it with PUT /approvals/policies/" + policy.name());
                    }
                    if (!create && (current == null || current.retired)) {
                        throw new NotFoundProblem("no policy '" + policy.name() + "' in force");
                    }
                    PolicyBook others = new PolicyBook(latest.stream().filter(v -> !v.retired)
                            .map(v -> new PolicyBook.Versioned(read(v.document), v.version)).toList(), fallback());
                    List<Problem.Violation> violations = others.check(policy, config.kinds(), directory);
                    if (!violations.isEmpty()) {
                        throw new InvalidRequestException("the policy cannot be put in force", violations);
                    }
                    PolicyVersion row = new PolicyVersion();
                    row.name = policy.name();
                    row.version = current == null ? 1 : current.version + 1;
                    row.document = write(policy);
                    row.changedBy = by;
                    row.changedAt = clock.instant();
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("version", row.version);
                    details.put("before", current == null || current.retired ? null : current.document);
                    details.put("after", row.document);
                    return row.persist()
                            .chain(() -> audit.append(by, AuditLog.POLICY_CHANGED, "policy:" + policy.name(), details))
                            .map(ignored2 -> new InForce(row.version, row.changedBy, row.changedAt, policy));
                })));
    }

    public Uni<Void> retire(String name, String by) {
        return Panache.withTransaction(() -> PolicyVersion.history(name).chain(versions -> {
            PolicyVersion current = versions.isEmpty() ? null : versions.getLast();
            if (current == null || current.retired) {
                throw new NotFoundProblem("no policy '" + name + "' in force");
            }
            PolicyVersion row = new PolicyVersion();
            row.name = name;
            row.version = current.version + 1;
            row.retired = true;
            row.changedBy = by;
            row.changedAt = clock.instant();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("version", row.version);
            details.put("before", current.document);
            details.put("after", null);
            return row.persist()
                    .chain(() -> audit.append(by, AuditLog.POLICY_CHANGED, "policy:" + name, details))
                    .replaceWithVoid();
        }));
    }

    private static List<PolicyVersion> latest(List<PolicyVersion> all) {
        Map<String, PolicyVersion> newest = new LinkedHashMap<>();
        all.forEach(v -> newest.merge(v.name, v, (a, b) -> a.version >= b.version ? a : b));
        return List.copyOf(newest.values());
    }

    PolicyDocument read(String document) {
        try {
            return json.readValue(document, PolicyDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy is unreadable", e);
        }
    }

    private String write(PolicyDocument policy) {
        try {
            return json.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
