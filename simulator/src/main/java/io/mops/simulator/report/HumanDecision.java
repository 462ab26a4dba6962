package io.mops.simulator.report;

import java.time.Instant;
import java.util.List;

/**
 * Something the loop asked a person, and what the simulated approvers answered.
 *
 * @param day      simulated day the request was decided (or lapsed)
 * @param kind     what was asked, e.g. {@code ReallocationProposal}
 * @param summary  the request's own summary, as an approver reads it
 * @param decision {@code GRANTED}, {@code REJECTED}, or the status it ended in without a decision
 * @param by       who decided
 */
public record HumanDecision(int day, Instant requestedAt, String kind, String summary, String decision,
                            List<String> by) {
}
