package io.mops.budget.budgets;

import io.mops.budget.curve.CurveFit;
import io.mops.budget.curve.Identifiability;
import io.mops.budget.optimiser.ChannelMove;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A proposed reallocation with its explanation. Nothing is applied: the CoE applies it with
 * {@code PUT /budget/plans/{id}/allocations} and {@code expectedVersion = planVersion}.
 *
 * @param expectedOutcomeChangeStandardError combined over channels as if their curve errors were independent
 * @param keptBecause why the current split is kept rather than moved (its expected gain was not positive or not
 *                    beyond its uncertainty); absent when the proposal moves money
 * @param held channels left as they are: locked, without a response curve, or with one the data cannot pin down
 */
public record ProposalView(UUID planId, long planVersion, String currency, BigDecimal total,
                           double expectedOutcomeBefore, double expectedOutcomeAfter, double expectedOutcomeChange,
                           double expectedOutcomeChangeStandardError, String keptBecause, List<Move> channels,
                           List<Held> held) {

    /**
     * @param marginalReturnBefore outcome (attributed value) per extra unit of spend at the current allocation;
     *                             absent where it is unbounded (a concave curve at zero spend)
     * @param limit the guardrail that stopped the channel, or {@code NONE}
     */
    public record Move(String channel, BigDecimal spendBefore, BigDecimal spendAfter, BigDecimal change,
                       Double marginalReturnBefore, Double marginalReturnAfter, double expectedOutcomeBefore,
                       double expectedOutcomeAfter, double expectedOutcomeChange, double outcomeChangeStandardError,
                       ChannelMove.Limit limit, Curve curve) {

        static Move of(ChannelMove m, CurveFit fit, Identifiability trust) {
            return new Move(m.channel(), m.spendBefore().amount(), m.spendAfter().amount(), m.change().amount(),
                    finite(m.marginalReturnBefore()), finite(m.marginalReturnAfter()), m.outcomeBefore(),
                    m.outcomeAfter(), m.outcomeChange(), m.outcomeChangeStandardError(), m.limit(),
                    Curve.of(fit, trust));
        }

        private static Double finite(double value) {
            return Double.isFinite(value) ? value : null;
        }
    }

    /**
     * The fitted daily response curve a move was computed from, how well it fits, and how well it pins down the
     * channel at its current spend.
     *
     * @param marginalReturnUncertainty 90 % half-width of the marginal return, as a share of the average return
     * @param marginalReturnSlopeUncertainty 90 % half-width of how fast the marginal return falls as spend grows
     *                                       (x f″(x)), as a share of the average return
     */
    public record Curve(double adstockDecay, double maxResponse, double halfSaturation, double shape,
                        double rSquared, double rmse, int observations, double marginalReturnUncertainty,
                        double marginalReturnSlopeUncertainty) {

        static Curve of(CurveFit fit, Identifiability trust) {
            return new Curve(fit.curve().adstockDecay(), fit.curve().maxResponse(), fit.curve().halfSaturation(),
                    fit.curve().shape(), fit.rSquared(), fit.rmse(), fit.observations(),
                    trust.marginalReturnUncertainty(), trust.slopeUncertainty());
        }
    }

    public record Held(String channel, BigDecimal allocation, String reason) {
    }
}
