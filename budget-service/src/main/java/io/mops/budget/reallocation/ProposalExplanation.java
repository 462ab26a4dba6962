package io.mops.budget.reallocation;

import io.mops.budget.budgets.ProposalView;

import java.util.Locale;

/** The optimiser's explanation of a proposal as the text an approver reads. */
final class ProposalExplanation {

    /** ApprovalRequested allows 20,000 characters; beyond that the approver follows the proposal's id. */
    static final int MAX_LENGTH = 20_000;

    private ProposalExplanation() {
    }

    static String of(ProposalView view) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Expected attributed value %+.2f (standard error %.2f) over the plan's "
                        + "period, from %.2f to %.2f.%n", view.expectedOutcomeChange(),
                view.expectedOutcomeChangeStandardError(), view.expectedOutcomeBefore(), view.expectedOutcomeAfter()));
        if (view.keptBecause() != null) {
            text.append("No move: ").append(view.keptBecause()).append(".\n");
        }
        for (ProposalView.Move move : view.channels()) {
            text.append(String.format(Locale.ROOT,
                    "%s: %s -> %s %s (%s); marginal return %s -> %s; expected value %+.2f (se %.2f); limit %s; "
                            + "curve R² %.3f over %d periods (%s %s %s to %s), marginal return known to ±%.0f %% of "
                            + "the average return, its fall to ±%.0f %%%n",
                    move.channel(), move.spendBefore().toPlainString(), move.spendAfter().toPlainString(),
                    view.currency(), signed(move.change().toPlainString()), number(move.marginalReturnBefore()),
                    number(move.marginalReturnAfter()), move.expectedOutcomeChange(),
                    move.outcomeChangeStandardError(), move.limit(), move.curve().rSquared(),
                    move.curve().observations(), move.evidence().model(),
                    move.evidence().periodKind().name().toLowerCase(Locale.ROOT) + "s", move.evidence().firstPeriod(),
                    move.evidence().periodKind().endOf(move.evidence().lastPeriod()),
                    100 * move.curve().marginalReturnUncertainty(), 100 * move.curve().marginalReturnSlopeUncertainty()));
        }
        for (ProposalView.Held held : view.held()) {
            text.append(held.channel()).append(": held at ").append(held.allocation().toPlainString()).append(' ')
                    .append(view.currency()).append(" (").append(held.reason()).append(")\n");
        }
        return text.length() <= MAX_LENGTH ? text.toString() : text.substring(0, MAX_LENGTH - 1) + "…";
    }

    private static String signed(String amount) {
        return amount.startsWith("-") ? amount : "+" + amount;
    }

    private static String number(Double value) {
        return value == null ? "unbounded" : String.format(Locale.ROOT, "%.4f", value);
    }
}
