package io.mops.approval.decision;

import com.fasterxml.jackson.databind.JsonNode;
import io.mops.approval.request.ApprovalRequestView;
import io.mops.approval.routing.Verdict;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A request with what an approver and an auditor read: its policy, its stages and their clocks, every decision
 * (stale ones marked: given on earlier evidence), and the evidence with its revisions.
 *
 * @param approversNeeded the sum of the stages' quorums
 * @param acknowledgement an incident's acknowledgement (null for other kinds)
 */
public record ApprovalDetail(ApprovalRequestView request, Policy policy, int approversNeeded, List<StageView> stages,
                             List<DecisionView> decisions, Evidence evidence, List<EvidenceVersion> evidenceVersions,
                             Acknowledgement acknowledgement) {

    /**
     * Who acknowledged an incident, when and what they said (null until someone did), when it was due, and whether it
     * escalated for want of one.
     */
    public record Acknowledgement(boolean acknowledged, Instant dueAt, String acknowledgedBy, Instant acknowledgedAt,
                                  String comment, String escalatedTo, Instant escalatedAt) {
    }

    public record Policy(String name, Integer version, String stageOrder, String onExpiry) {
    }

    public record StageView(int position, String name, Set<String> groups, int quorum, int grants, boolean open,
                            boolean complete, Instant openedAt, Instant dueAt, Instant remindedAt,
                            String escalatedTo, Instant escalatedAt) {
    }

    public record DecisionView(String decidedBy, String onBehalfOf, Verdict verdict, String comment,
                               Instant decidedAt, Integer stage, int evidenceVersion, boolean stale,
                               boolean teachBrandVoice) {
    }

    /** The current evidence: {@code schema}/{@code schemaVersion} name the shape of {@code content}. */
    public record Evidence(int version, String schema, Integer schemaVersion, JsonNode content, String summary,
                           String explanation, Instant receivedAt) {
    }

    public record EvidenceVersion(int version, String schema, Integer schemaVersion, Instant receivedAt) {
    }
}
