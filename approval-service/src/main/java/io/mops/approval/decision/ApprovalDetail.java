package io.mops.approval.decision;

import io.mops.approval.request.ApprovalRequest;
import io.mops.approval.request.ApprovalRequestView;

import java.time.Instant;
import java.util.List;

/** A request with every decision taken on it so far: what an approver and an auditor read. */
public record ApprovalDetail(ApprovalRequestView request, int approversNeeded, List<DecisionView> decisions) {

    public record DecisionView(String decidedBy, Verdict verdict, String comment, Instant decidedAt) {
    }

    static ApprovalDetail of(ApprovalRequest request, int approversNeeded, List<ApprovalDecision> decisions) {
        return new ApprovalDetail(ApprovalRequestView.of(request), approversNeeded, decisions.stream()
                .map(d -> new DecisionView(d.decidedBy, d.verdict, d.comment, d.decidedAt)).toList());
    }
}
