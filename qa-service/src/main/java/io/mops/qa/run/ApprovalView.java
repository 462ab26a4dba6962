package io.mops.qa.run;

import java.time.Instant;

/**
 * Where a needs-approval run stands with the people who decide its launch.
 *
 * @param status    {@code PENDING}, {@code APPROVED} or {@code REJECTED}
 * @param decidedBy who approved (comma-separated when two signed off) or who rejected; null while pending
 */
public record ApprovalView(String status, String decidedBy, String comment, Instant decidedAt) {

    static ApprovalView of(QaRun run) {
        return run.approval == null ? null
                : new ApprovalView(run.approval.name(), run.approvalDecidedBy, run.approvalComment, run.approvalDecidedAt);
    }
}
