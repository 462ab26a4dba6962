package io.mops.approval.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Appends to the audit hash chain inside the caller's transaction, so an entry exists exactly when the change it
 * records committed. The table lock serialises appends (each needs the previous hash); every writer locks its
 * request first and the trail last, so the lock order is the same everywhere.
 */
@ApplicationScoped
public class AuditLog {

    /** Actions recorded. */
    public static final String REQUESTED = "request.received", EVIDENCE_CHANGED = "request.evidence-changed",
            AUTO_APPROVED = "request.auto-approved", DECIDED = "request.decided", GRANTED = "request.granted",
            REJECTED = "request.rejected", CHANGES_REQUESTED = "request.changes-requested",
            WITHDRAWN = "request.withdrawn", REMINDED = "stage.reminded", ESCALATED = "stage.escalated",
            EXPIRED = "request.expired", GRANTED_ON_EXPIRY = "request.granted-on-expiry",
            POLICY_CHANGED = "policy.changed", DELEGATED = "delegation.created",
            DELEGATION_REVOKED = "delegation.revoked", ACKNOWLEDGED = "incident.acknowledged",
            ACKNOWLEDGEMENT_ESCALATED = "incident.acknowledgement-escalated";

    private final Clock clock;
    private final ObjectMapper json;

    public AuditLog(Clock clock, ObjectMapper json) {
        this.clock = clock;
        this.json = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    public Uni<AuditEntry> append(String actor, String action, String subject, Map<String, ?> details) {
        String text;
        try {
            text = json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("lock table approval_audit in exclusive mode")
                        .executeUpdate())
                .chain(() -> AuditEntry.<AuditEntry>find("order by seq desc").<AuditEntry>firstResult())
                .chain((AuditEntry last) -> {
                    AuditEntry entry = new AuditEntry();
                    entry.seq = last == null ? 1 : last.seq + 1;
                    entry.recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    entry.actor = actor;
                    entry.action = action;
                    entry.subject = subject;
                    entry.details = text;
                    entry.prevHash = last == null ? AuditChain.GENESIS : last.hash;
                    entry.hash = AuditChain.hashOf(entry.toEntry());
                    return entry.persist();
                });
    }
}
