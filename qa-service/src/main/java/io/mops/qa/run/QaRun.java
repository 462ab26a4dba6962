package io.mops.qa.run;

import io.mops.qa.clearance.ClearedRun;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
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
import java.util.Optional;
import java.util.UUID;

/** One QA run: the verdict a campaign got, under which rule set version, for which exact input. */
@Entity
@Table(name = "qa_run")
public class QaRun extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "campaign_id", nullable = false)
    public String campaignId;
    @Column(nullable = false)
    public String channel;
    @Column(nullable = false)
    public String verdict;
    @Column(name = "risk_score", nullable = false)
    public int riskScore;
    @Column(name = "rule_set", nullable = false)
    public String ruleSet;
    @Column(name = "rule_set_version", nullable = false)
    public int ruleSetVersion;
    /** SHA-256 of the submission as canonical JSON: equal digests under one rule set version get equal verdicts. */
    @Column(name = "input_digest", nullable = false, columnDefinition = "char(64)")
    public String inputDigest;
    /** The findings as JSON, in report order. */
    @Column(nullable = false)
    public String findings;
    @Column(name = "requested_by", nullable = false)
    public String requestedBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    /** Null unless the verdict was needs-approval. */
    @Enumerated(EnumType.STRING)
    public Approval approval;
    /** Comma-separated approvers, or the one person who rejected. */
    @Column(name = "approval_decided_by")
    public String approvalDecidedBy;
    @Column(name = "approval_comment")
    public String approvalComment;
    @Column(name = "approval_decided_at")
    public Instant approvalDecidedAt;
    /** The submission's campaign id in budget-service, if it named one: clearances name it for budget-service. */
    @Column(name = "budget_campaign_id")
    public UUID budgetCampaignId;
    /** The approval request a needs-approval run opened (its {@code ApprovalRequested} event id). */
    @Column(name = "approval_id")
    public UUID approvalId;

    /** CHANGES_REQUESTED and EXPIRED are "not approved" as much as REJECTED: the launch does not go ahead. */
    public enum Approval { PENDING, APPROVED, REJECTED, CHANGES_REQUESTED, EXPIRED }

    /** The campaign's newest run: the one whose content is the campaign's current content. */
    public static Uni<QaRun> newestOf(String campaignId) {
        return QaRun.<QaRun>find("campaignId", Sort.descending("createdAt").and("id"), campaignId).firstResult();
    }

    /** A campaign's runs, newest first, limited to one channel unless {@code channel} is empty (the CoE). */
    static Uni<List<QaRun>> ofCampaign(String campaignId, Optional<String> channel, int limit) {
        Sort newestFirst = Sort.descending("createdAt");
        return channel.map(c -> QaRun.<QaRun>find("campaignId = ?1 and channel = ?2", newestFirst, campaignId, c))
                .orElseGet(() -> QaRun.find("campaignId", newestFirst, campaignId))
                .page(0, limit).list();
    }

    /** What launch clearance needs of this run. */
    public ClearedRun forClearance() {
        return new ClearedRun(id, campaignId, channel, budgetCampaignId, inputDigest, verdict, approvalId);
    }
}
