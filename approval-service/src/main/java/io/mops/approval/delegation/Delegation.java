package io.mops.approval.delegation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A member's seat in one group handed to a colleague of that group for some days (both included). */
@Entity
@Table(name = "approval_delegation")
public class Delegation extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String delegator;
    @Column(nullable = false)
    public String delegate;
    @Column(name = "group_name", nullable = false)
    public String group;
    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;
    @Column(name = "valid_to", nullable = false)
    public LocalDate validTo;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "revoked_by")
    public String revokedBy;

    public DelegationRules.Span span() {
        return new DelegationRules.Span(delegator, delegate, group, validFrom, validTo);
    }

    static Uni<List<Delegation>> standing() {
        return list("revokedAt is null order by validFrom, id");
    }

    /** The delegation that lets {@code delegate} decide for {@code delegator} on {@code day}, if any. */
    public static Uni<Delegation> covering(String delegator, String delegate, LocalDate day) {
        return find("delegator = ?1 and delegate = ?2 and revokedAt is null and validFrom <= ?3 and validTo >= ?3",
                delegator, delegate, day).firstResult();
    }

    /** Groups whose seats {@code delegate} holds for someone on {@code day}. */
    public static Uni<List<Delegation>> heldBy(String delegate, LocalDate day) {
        return list("delegate = ?1 and revokedAt is null and validFrom <= ?2 and validTo >= ?2", delegate, day);
    }
}
