package io.mops.approval.audit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One link of the audit hash chain (insert-only: the database refuses updates and deletes). */
@Entity
@Table(name = "approval_audit")
public class AuditEntry extends PanacheEntityBase {

    @Id
    public long seq;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
    @Column(nullable = false)
    public String actor;
    @Column(nullable = false)
    public String action;
    @Column(nullable = false)
    public String subject;
    @Column(nullable = false, columnDefinition = "text")
    public String details;
    @Column(name = "prev_hash", nullable = false, columnDefinition = "char(64)")
    public String prevHash;
    @Column(nullable = false, columnDefinition = "char(64)")
    public String hash;

    AuditChain.Entry toEntry() {
        return new AuditChain.Entry(seq, recordedAt, actor, action, subject, details, prevHash, hash);
    }
}
