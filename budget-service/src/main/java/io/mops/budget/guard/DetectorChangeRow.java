package io.mops.budget.guard;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One change of a detector's setting: who, when, and the whole setting before and after, as JSON. */
@Entity
@Table(name = "guard_detector_change")
public class DetectorChangeRow extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String detector;
    @Column(name = "changed_by", nullable = false)
    public String changedBy;
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
    @Column(nullable = false, columnDefinition = "text")
    public String before;
    @Column(nullable = false, columnDefinition = "text")
    public String after;

    static Uni<List<DetectorChangeRow>> newestFirst(String detector, int page, int size) {
        return DetectorChangeRow.<DetectorChangeRow>find("detector", Sort.descending("changedAt", "id"), detector)
                .page(Page.of(page, size)).list();
    }
}
