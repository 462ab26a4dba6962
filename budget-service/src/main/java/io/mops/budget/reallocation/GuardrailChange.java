package io.mops.budget.reallocation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One change of a guardrail: who made it, when, and the whole setting before and after, as JSON. */
@Entity
@Table(name = "guardrail_change")
public class GuardrailChange extends PanacheEntityBase {

    public enum Guardrail { APPROVAL_POLICY, KILL_SWITCH }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Guardrail guardrail;
    @Column(name = "changed_by", nullable = false)
    public String changedBy;
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
    @Column(nullable = false, columnDefinition = "text")
    public String before;
    @Column(nullable = false, columnDefinition = "text")
    public String after;

    static GuardrailChange of(Guardrail guardrail, String by, Instant at, String before, String after) {
        GuardrailChange change = new GuardrailChange();
        change.id = UUID.randomUUID();
        change.guardrail = guardrail;
        change.changedBy = by;
        change.changedAt = at;
        change.before = before;
        change.after = after;
        return change;
    }

    static Uni<List<GuardrailChange>> newestFirst(Guardrail guardrail, int page, int size) {
        return GuardrailChange.<GuardrailChange>find("guardrail", Sort.descending("changedAt", "id"), guardrail)
                .page(Page.of(page, size)).list();
    }
}
