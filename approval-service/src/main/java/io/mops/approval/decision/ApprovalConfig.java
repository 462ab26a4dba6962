package io.mops.approval.decision;

import io.smallrye.config.ConfigMapping;

import java.math.BigDecimal;

@ConfigMapping(prefix = "mops.approval")
public interface ApprovalConfig {

    /** Requests with more money at stake than this (in the request's currency) need two different approvers. */
    BigDecimal secondApproverAbove();
}
