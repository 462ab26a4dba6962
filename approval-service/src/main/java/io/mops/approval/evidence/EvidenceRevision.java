package io.mops.approval.evidence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** One revision of a request's evidence, kept for ever: what the approvers saw when they decided. */
@Entity
@Table(name = "approval_evidence")
@IdClass(EvidenceRevision.Key.class)
public class EvidenceRevision extends PanacheEntityBase {

    public static class Key implements Serializable {
        public UUID requestId;
        public int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.requestId, requestId) && k.version == version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(requestId, version);
        }
    }

    @Id
    @Column(name = "request_id")
    public UUID requestId;
    @Id
    public int version;
    @Column(name = "schema_name")
    public String schemaName;
    @Column(name = "schema_version")
    public Integer schemaVersion;
    /** The evidence object as JSON, exactly as the requester sent it. */
    @Column(columnDefinition = "text")
    public String content;
    @Column(nullable = false, columnDefinition = "text")
    public String summary;
    @Column(columnDefinition = "text")
    public String explanation;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public static Uni<List<EvidenceRevision>> of(UUID requestId) {
        return list("requestId = ?1 order by version", requestId);
    }
}
