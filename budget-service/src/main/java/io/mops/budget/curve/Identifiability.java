package io.mops.budget.curve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a fitted curve says enough about a channel to move its money, judged at the spend a move would start
 * from on the two things the optimiser trades on, each by the half-width of its 90 % interval (1.645 posterior
 * standard errors, by the delta method) in units of the channel's <b>average return</b> {@code f(x) / x} there:
 *
 * <ul>
 *   <li><b>the marginal return</b> {@code f′(x)}: which way money should go;</li>
 *   <li><b>its slope</b> {@code x f″(x)}, the change of the marginal return per relative change of spend: how far
 *       money should go. Spend that hardly varied pins down the first and not this one — a curve fitted on spend
 *       that moved ±15 % knows where it is, not where a move would take it.</li>
 * </ul>
 *
 * Over a move of a share {@code δ} of the spend, the marginal return at the far end is then known to about the
 * first half-width plus {@code δ} times the second. The yardstick is the average return, not the marginal return
 * itself, because a well-measured channel deep in saturation has a marginal return near zero, beside which any
 * error is large, while channels' marginal returns are compared on the scale of their average returns.
 *
 * @param marginalReturnUncertainty 90 % half-width of {@code f′(x)} over {@code f(x) / x}
 * @param slopeUncertainty 90 % half-width of {@code x f″(x)} over {@code f(x) / x}
 */
public record Identifiability(double spendPerPeriod, double marginalReturn, double marginalReturnUncertainty,
                              double averageReturn, double slope, double slopeUncertainty, Limits limits) {

    static final double Z90 = 1.6448536269514722;

    /** The largest 90 % half-widths, in units of the average return, that a move may rest on. */
    public record Limits(double marginalReturn, double slope) {

        public Limits {
            if (!(marginalReturn > 0 && slope > 0)) {
                throw new IllegalArgumentException("identifiability limits must be positive");
            }
        }
    }

    public static Identifiability judge(CurveFit fit, double spendPerPeriod, Limits limits) {
        ResponseCurve curve = fit.curve();
        double average = curve.steadyStateOutcome(spendPerPeriod) / spendPerPeriod;
        if (!(average > 0)) {
            return new Identifiability(spendPerPeriod, curve.marginalReturn(spendPerPeriod), Double.POSITIVE_INFINITY,
                    average, curve.marginalReturnSlope(spendPerPeriod), Double.POSITIVE_INFINITY, limits);
        }
        return new Identifiability(spendPerPeriod, curve.marginalReturn(spendPerPeriod),
                Z90 * fit.marginalReturnStandardError(spendPerPeriod) / average, average,
                curve.marginalReturnSlope(spendPerPeriod),
                Z90 * fit.marginalReturnSlopeStandardError(spendPerPeriod) / average, limits);
    }

    public boolean identifiable() {
        return marginalReturnUncertainty <= limits.marginalReturn() && slopeUncertainty <= limits.slope();
    }

    /** What an approver reads when the channel is held. */
    public String reason() {
        List<String> unknown = new ArrayList<>();
        if (!(marginalReturnUncertainty <= limits.marginalReturn())) {
            unknown.add(String.format(Locale.ROOT, "its marginal return at the current spend, %.4f ± %.4f (90 %%), is "
                            + "uncertain by %.0f %% of its average return %.4f (at most %.0f %%)", marginalReturn,
                    marginalReturnUncertainty * averageReturn, 100 * marginalReturnUncertainty, averageReturn,
                    100 * limits.marginalReturn()));
        }
        if (!(slopeUncertainty <= limits.slope())) {
            unknown.add(String.format(Locale.ROOT, "how fast its marginal return falls as spend grows, %.4f ± %.4f "
                            + "(90 %%) per 100 %% more spend, is uncertain by %.0f %% of its average return (at most "
                            + "%.0f %%)", slope, slopeUncertainty * averageReturn, 100 * slopeUncertainty,
                    100 * limits.slope()));
        }
        return "the data do not pin down its response curve: " + String.join("; ", unknown);
    }
}
