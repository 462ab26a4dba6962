package io.mops.budget.budgets;

import io.mops.budget.curve.CurveFit;
import io.mops.budget.curve.Identifiability;
import io.mops.budget.money.Money;
import io.mops.budget.optimiser.ChannelMove;
import io.mops.budget.signal.EvidenceSeries;
import io.mops.common.events.ChannelPerformanceUpdated.PeriodKind;

import java.math.BigDecimal;
import java.time.LocalDate;
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
 * @param partOfTheWay why the move goes only part of the way toward the best split (the whole way's gain was not
 *                     beyond its uncertainty, this part's is); absent when it goes the whole way or keeps the split
 * @param incrementality each channel's incremental factor, by which its curve was multiplied (empty when the
 *                       calibration is switched off)
 */
public record ProposalView(UUID planId, long planVersion, String currency, BigDecimal total,
                           double expectedOutcomeBefore, double expectedOutcomeAfter, double expectedOutcomeChange,
                           double expectedOutcomeChangeStandardError, String keptBecause, List<Move> channels,
                           List<Held> held, String partOfTheWay, List<Incrementality> incrementality) {

    public ProposalView {
        incrementality = incrementality == null ? List.of() : List.copyOf(incrementality);
    }

    public ProposalView(UUID planId, long planVersion, String currency, BigDecimal total,
                        double expectedOutcomeBefore, double expectedOutcomeAfter, double expectedOutcomeChange,
                        double expectedOutcomeChangeStandardError, String keptBecause, List<Move> channels,
                        List<Held> held, String partOfTheWay) {
        this(planId, planVersion, currency, total, expectedOutcomeBefore, expectedOutcomeAfter, expectedOutcomeChange,
                expectedOutcomeChangeStandardError, keptBecause, channels, held, partOfTheWay, List.of());
    }

    public ProposalView(UUID planId, long planVersion, String currency, BigDecimal total,
                        double expectedOutcomeBefore, double expectedOutcomeAfter, double expectedOutcomeChange,
                        double expectedOutcomeChangeStandardError, String keptBecause, List<Move> channels,
                        List<Held> held) {
        this(planId, planVersion, currency, total, expectedOutcomeBefore, expectedOutcomeAfter, expectedOutcomeChange,
                expectedOutcomeChangeStandardError, keptBecause, channels, held, null);
    }

    /**
     * How much of a channel's attributed response the total outcome bears out (docs/budget.md, "Incrementality"):
     * the posterior of its factor {@code β}, and the factor its curve was multiplied by. {@code calibrated} false:
     * too few periods, or calibration switched off; the factor is then its prior, 1.
     *
     * @param factor  posterior mean of {@code β}
     * @param applied what the curve was multiplied by (the mean, at least 0; 1 when not calibrated)
     * @param periods the periods of total outcome the factor was measured on
     */
    public record Incrementality(String channel, double factor, double lower90, double upper90, double applied,
                                 int periods, boolean calibrated) {
    }

    /**
     * @param marginalReturnBefore outcome (attributed value) per extra unit of spend at the current allocation;
     *                             absent where it is unbounded (a concave curve at zero spend)
     * @param limit the guardrail that stopped the channel, or {@code NONE}
     * @param cutOnly why a channel whose curve the data do not pin down may still lose money, and only lose it
     *                ({@code DominatedCut}); absent for a channel whose curve is trusted
     */
    public record Move(String channel, BigDecimal spendBefore, BigDecimal spendAfter, BigDecimal spentToDate,
                       BigDecimal change,
                       Double marginalReturnBefore, Double marginalReturnAfter, double expectedOutcomeBefore,
                       double expectedOutcomeAfter, double expectedOutcomeChange, double outcomeChangeStandardError,
                       ChannelMove.Limit limit, Curve curve, Evidence evidence, String cutOnly) {

        /**
         * The optimiser moved what was left of each allocation; people read whole allocations, so the spent part is
         * added back.
         */
        static Move of(ChannelMove m, Money spentToDate, CurveFit fit, Identifiability trust, Evidence evidence,
                       double periodsLeft, String cutOnly) {
            return new Move(m.channel(), m.spendBefore().plus(spentToDate).amount(),
                    m.spendAfter().plus(spentToDate).amount(), spentToDate.amount(), m.change().amount(),
                    finite(m.marginalReturnBefore()), finite(m.marginalReturnAfter()), m.outcomeBefore(),
                    m.outcomeAfter(), m.outcomeChange(), m.outcomeChangeStandardError(), m.limit(),
                    Curve.of(fit, trust, periodsLeft), evidence, cutOnly);
        }

        private static Double finite(double value) {
            return Double.isFinite(value) ? value : null;
        }
    }

    /**
     * The periods the curve was fitted on, oldest first and without a gap: attribution's {@code model}, periods of
     * {@code periodKind} from the one starting {@code firstPeriod} to the one starting {@code lastPeriod}.
     *
     * @param leftOutBeforeGap periods with a signal before the newest gap, not used (see {@link EvidenceSeries})
     */
    public record Evidence(String model, PeriodKind periodKind, LocalDate firstPeriod, LocalDate lastPeriod,
                           int periods, int leftOutBeforeGap) {

        static Evidence of(String model, EvidenceSeries series) {
            return new Evidence(model, series.kind(), series.firstPeriod().orElse(null),
                    series.lastPeriod().orElse(null), series.size(), series.cutOffBeforeGap());
        }
    }

    /**
     * The fitted response curve a move was computed from, and how well it fits. Amounts are per period of the
     * evidence (a week by default): {@code maxResponse} is value per period, {@code halfSaturation} adstocked spend
     * per period, {@code adstockDecay} the share carried into the next period; and how well the curve pins the
     * channel down at its current spend:
     *
     * @param marginalReturnUncertainty 90 % half-width of the marginal return, as a share of the average return
     * @param marginalReturnSlopeUncertainty 90 % half-width of how fast the marginal return falls as spend grows
     *                                       (x f″(x)), as a share of the average return
     * @param periodsLeft how many evidence periods are left of the plan's period, today included (31 days left:
     *                    31/7 weeks); the optimiser judges an allocation {@code a} of which {@code s} is spent by
     *                    {@code periodsLeft · f((a − s) / periodsLeft)}
     */
    public record Curve(double adstockDecay, double maxResponse, double halfSaturation, double shape,
                        double rSquared, double rmse, int observations, double marginalReturnUncertainty,
                        double marginalReturnSlopeUncertainty, double periodsLeft) {

        static Curve of(CurveFit fit, Identifiability trust, double periodsLeft) {
            return new Curve(fit.curve().adstockDecay(), fit.curve().maxResponse(), fit.curve().halfSaturation(),
                    fit.curve().shape(), fit.rSquared(), fit.rmse(), fit.observations(),
                    trust.marginalReturnUncertainty(), trust.slopeUncertainty(), periodsLeft);
        }
    }

    /**
     * @param curveUncertain the channel has a response curve, but the data do not pin it down: varying its spend on
     *                       purpose (a spend exploration) is what can make it identifiable
     */
    public record Held(String channel, BigDecimal allocation, String reason, boolean curveUncertain) {

        public Held(String channel, BigDecimal allocation, String reason) {
            this(channel, allocation, reason, false);
        }
    }
}
