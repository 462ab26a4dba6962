package io.mops.approval.routing;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** One stage of a routed request, with its clock. */
@Entity
@Table(name = "approval_stage")
@IdClass(ApprovalStage.Key.class)
public class ApprovalStage extends PanacheEntityBase {

    public static class Key implements Serializable {
        public UUID requestId;
        public int position;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(k.requestId, requestId) && k.position == position;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(requestId, position);
        }
    }

    @Id
    @Column(name = "request_id")
    public UUID requestId;
    @Id
    public int position;
    @Column(nullable = false)
    public String name;
    /** Comma-separated; the database keeps an array of it for the inbox index. */
    @Column(name = "group_list", nullable = false)
    public String groupList;
    @Column(nullable = false)
    public int quorum;
    /** Seconds. */
    @Column(name = "due_after")
    public Long dueAfter;
    /** Seconds. */
    @Column(name = "remind_before")
    public Long remindBefore;
    @Column(name = "escalate_to")
    public String escalateTo;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "reminded_at")
    public Instant remindedAt;
    @Column(name = "escalated_at")
    public Instant escalatedAt;
    @Column(name = "escalated_to")
    public String escalatedTo;
    @Column(name = "satisfied_at")
    public Instant satisfiedAt;

    public Set<String> groups() {
        return new LinkedHashSet<>(Arrays.asList(groupList.split(",")));
    }

    /** Opens the stage now: its due time starts; a reminder and escalation may come again. */
    public void open(Instant now) {
        openedAt = now;
        dueAt = dueAfter == null ? null : now.plusSeconds(dueAfter);
        remindedAt = null;
        escalatedAt = null;
        escalatedTo = null;
        satisfiedAt = null;
    }

    /** Back to not yet open (a later sequential stage after the evidence changed). */
    public void close() {
        openedAt = null;
        dueAt = null;
        remindedAt = null;
        escalatedAt = null;
        escalatedTo = null;
        satisfiedAt = null;
    }

    public ApprovalRound.Stage toRound() {
        return new ApprovalRound.Stage(position, name, groups(), quorum, escalatedTo);
    }

    public SlaRules.StageClock clock() {
        return new SlaRules.StageClock(openedAt, dueAt, remindBefore == null ? null : Duration.ofSeconds(remindBefore),
                remindedAt, escalateTo, escalatedAt, satisfiedAt);
    }

    public static Uni<List<ApprovalStage>> of(UUID requestId) {
        return list("requestId = ?1 order by position", requestId);
    }
}
