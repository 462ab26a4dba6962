package io.mops.budget.reallocation;

import io.mops.budget.budgets.ProposalView;

import io.mops.common.events.ChannelPerformanceUpdated.PeriodKind;

import java.util.Locale;
import java.util.UUID;

/** The optimiser's explanation of a proposal as the text an approver reads. */
final class ProposalExplanation {

    /** ApprovalRequested allows 20,000 characters; beyond that the approver follows the proposal's id. */
    static final int MAX_LENGTH = 20_000;

    private ProposalExplanation() {
    }

    static String of(ProposalView view) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Expected attributed value %+.2f (standard error %.2f) over the rest of "
                        + "the plan's period, from %.2f to %.2f.%n", view.expectedOutcomeChange(),
                view.expectedOutcomeChangeStandardError(), view.expectedOutcomeBefore(), view.expectedOutcomeAfter()));
        if (view.keptBecause() != null) {
            text.append("No move: ").append(view.keptBecause()).append(".\n");
        }
        if (view.partOfTheWay() != null) {
            text.append("Part of the way: ").append(view.partOfTheWay()).append(".\n");
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
            if (move.cutOnly() != null) {
                text.append("  ").append(move.channel()).append(": ").append(move.cutOnly()).append('\n');
            }
        }
        for (ProposalView.Held held : view.held()) {
            text.append(held.channel()).append(": held at ").append(held.allocation().toPlainString()).append(' ')
                    .append(view.currency()).append(" (").append(held.reason()).append(")\n");
        }
        for (ProposalView.Incrementality factor : view.incrementality()) {
            text.append(factor.calibrated()
                    ? String.format(Locale.ROOT, "%s: incremental factor %.2f (90 %% %.2f to %.2f) over %d periods "
                            + "of total outcome; its curve counts %.2f of its attributed value%n", factor.channel(),
                    factor.factor(), factor.lower90(), factor.upper90(), factor.periods(), factor.applied())
                    : String.format(Locale.ROOT, "%s: incremental factor not measured (%d periods of total "
                            + "outcome); its curve counts its attributed value as it is%n", factor.channel(),
                    factor.periods()));
        }
        return text.length() <= MAX_LENGTH ? text.toString() : text.substring(0, MAX_LENGTH - 1) + "…";
    }

    /**
     * What an approver reads about a step of a spend exploration: that it is one, of which channels and why, the
     * design (how far, how long, when it stops) and what is at stake. No expected value: the curves are not trusted,
     * which is why the channels are explored.
     */
    static String ofExploration(UUID explorationOf, int step, SpendExploration design, BudgetMove move, String why,
                                int periodsPerPhase, PeriodKind period, long planDays) {
        StringBuilder text = new StringBuilder();
        String unit = period.name().toLowerCase(Locale.ROOT) + (periodsPerPhase == 1 ? "" : "s");
        String currency = move.planTotal().currencyCode();
        text.append(String.format(Locale.ROOT, "Exploration, step %d of %d (exploration %s): the response curves of %s "
                        + "cannot be trusted yet, so their spend is varied on purpose to learn them. No expected "
                        + "attributed value is forecast: the curves that would forecast it are the ones not trusted.%n",
                step, design.steps(), explorationOf, String.join(", ", design.explored())));
        text.append(String.format(Locale.ROOT, "Design: the varied channels' allocations alternate between base + "
                        + "swing and base − swing, %d %s a phase, %d phases, then return to base (step %d); the swings "
                        + "add up to zero, so the plan's total does not change. It stops early, and the usual "
                        + "reallocation toward marginal return takes over, once every explored curve is identifiable. "
                        + "At stake: %s %s a phase (%.1f %% of the total), each channel by at most %.0f %% of its "
                        + "base allocation.%n", periodsPerPhase, unit, design.phases(), design.steps(),
                design.atStake().amount().toPlainString(), currency,
                100 * design.atStake().amount().doubleValue() / move.planTotal().amount().doubleValue(),
                100 * design.largestRelativeSwing()));
        // Allocations are the plan's whole period; a phase shorter than it shifts only its share of the money.
        double phaseShare = Math.min(1, (double) periodsPerPhase * period.days() / planDays);
        text.append(String.format(Locale.ROOT, "The allocations are spread over the plan's %d days, so a phase of %d "
                        + "days shifts about %.2f %s of spend from one side to the other.%n", planDays,
                periodsPerPhase * period.days(), phaseShare * design.atStake().amount().doubleValue(), currency));
        String phase = switch (design.sign(step)) {
            case 1 -> "base + swing";
            case -1 -> "base − swing";
            default -> "base (the exploration ends)";
        };
        for (ChannelShift shift : move.shifts()) {
            text.append(String.format(Locale.ROOT, "%s: %s -> %s %s (%s) to %s; base %s, swing %s%n", shift.channel(),
                    shift.before().amount().toPlainString(), shift.after().amount().toPlainString(), currency,
                    signed(shift.change().amount().toPlainString()), phase,
                    design.base().get(shift.channel()).amount().toPlainString(),
                    signed(design.swing().get(shift.channel()).amount().toPlainString())));
        }
        text.append("Why: ").append(why).append('\n');
        return text.length() <= MAX_LENGTH ? text.toString() : text.substring(0, MAX_LENGTH - 1) + "…";
    }

    private static String signed(String amount) {
        return amount.startsWith("-") ? amount : "+" + amount;
    }

    private static String number(Double value) {
        return value == null ? "unbounded" : String.format(Locale.ROOT, "%.4f", value);
    }
}
