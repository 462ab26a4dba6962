package io.mops.approval.policy;

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

/** One version of a policy: never changed; the newest version of a name is in force unless it retired the policy. */
@Entity
@Table(name = "approval_policy")
@IdClass(PolicyVersion.Key.class)
public class PolicyVersion extends PanacheEntityBase {

    public static class Key implements Serializable {
        public String name;
        public int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.name, name) && k.version == version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, version);
        }
    }

    @Id
    public String name;
    @Id
    public int version;
    /** The policy as JSON; null for a version that retires it. */
    @Column(columnDefinition = "text")
    public String document;
    @Column(nullable = false)
    public boolean retired;
    @Column(name = "changed_by", nullable = false)
    public String changedBy;
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    static Uni<List<PolicyVersion>> all() {
        return list("order by name, version");
    }

    static Uni<List<PolicyVersion>> history(String name) {
        return list("name = ?1 order by version", name);
    }
}
