package io.mops.qa.run;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The CoE's dismissal of one needs-review finding of a run: the audit record of who decided it was fine, and why. */
@Entity
@Table(name = "qa_finding_dismissal")
public class FindingDismissal extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "run_id", nullable = false)
    public UUID runId;
    /** The finding's position in the run's stored findings (report order, which never changes once stored). */
    @Column(name = "finding_index", nullable = false)
    public int findingIndex;
    @Column(name = "rule_id", nullable = false)
    public String ruleId;
    @Column(nullable = false)
    public String reason;
    @Column(name = "dismissed_by", nullable = false)
    public String dismissedBy;
    @Column(name = "dismissed_at", nullable = false)
    public Instant dismissedAt;

    static Uni<List<FindingDismissal>> ofRuns(Collection<UUID> runIds) {
        return runIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("runId in ?1", runIds);
    }
}
