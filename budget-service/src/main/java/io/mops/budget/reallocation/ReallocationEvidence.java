package io.mops.budget.reallocation;

import io.mops.budget.curve.CurveSketch;
import io.mops.budget.curve.ResponseCurve;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.budget.budgets.ProposalView;
import io.mops.common.events.ApprovalEvidence;

/**
 * The structured evidence approvers see for a reallocation (schema {@value ApprovalEvidence#REALLOCATION} v1): each
 * channel before and after with its expected outcome change and the fit of its response curve, the whole move's
 * expected change with its standard error, and why it was proposed and held for people.
 */
final class ReallocationEvidence {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReallocationEvidence() {
    }

    static ApprovalEvidence of(ReallocationProposal proposal, ProposalView view, String planName, String why) {
        ApprovalEvidence.Reallocation content = new ApprovalEvidence.Reallocation(
                proposal.planId.toString(), planName, proposal.currency, proposal.amountMoved,
                view.expectedOutcomeChange(), view.expectedOutcomeChangeStandardError(),
                view.channels().stream().map(m -> new ApprovalEvidence.Reallocation.Channel(m.channel(),
                        m.spendBefore(), m.spendAfter(), m.expectedOutcomeChange(), m.outcomeChangeStandardError(),
                        m.curve() == null ? null : m.curve().rSquared(),
                        m.curve() == null ? null : m.curve().observations(), sketch(m))).toList(),
                proposal.triggeredBy + "; " + why);
        return new ApprovalEvidence(ApprovalEvidence.REALLOCATION, 1, JSON.valueToTree(content));
    }

    private static ApprovalEvidence.Reallocation.Curve sketch(ProposalView.Move move) {
        ProposalView.Curve c = move.curve();
        if (c == null) {
            return null;
        }
        CurveSketch sketch = CurveSketch.of(new ResponseCurve(c.adstockDecay(), c.maxResponse(), c.halfSaturation(),
                c.shape()), c.periodsLeft(), move.spendBefore().subtract(move.spentToDate()).doubleValue(),
                move.spendAfter().subtract(move.spentToDate()).doubleValue());
        return new ApprovalEvidence.Reallocation.Curve(sketch.spend(), sketch.outcome(), sketch.outcomeBefore(),
                sketch.outcomeAfter());
    }

    /** A step of a spend exploration: its channels before and after, and no forecast (it is not a bet on a gain). */
    static ApprovalEvidence ofExploration(ReallocationProposal proposal, BudgetMove move, String planName,
                                          String why) {
        ApprovalEvidence.Reallocation content = new ApprovalEvidence.Reallocation(
                proposal.planId.toString(), planName, proposal.currency, proposal.amountMoved, 0, 0,
                move.shifts().stream().map(s -> new ApprovalEvidence.Reallocation.Channel(s.channel(),
                        s.before().amount(), s.after().amount(), 0, 0, null, null, null)).toList(),
                "spend exploration, step " + proposal.explorationStep + " of " + proposal.explorationSteps + " ("
                        + proposal.triggeredBy + "); " + why);
        return new ApprovalEvidence(ApprovalEvidence.REALLOCATION, 1, JSON.valueToTree(content));
    }
}
