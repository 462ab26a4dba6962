package io.mops.budget.curve;

import io.mops.budget.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

/**
 * How far a channel may be cut whose response curve the data do not pin down, when they do show that its money
 * earns less at the margin than another channel's: the upper end of its marginal return's 90 % interval lies below
 * the lower end of the best trusted channel's. Such a channel is not worth exploring — whatever its curve's true
 * shape, money taken from its margin earns more elsewhere — and it must never be raised on a curve nobody trusts.
 *
 * <p>A cut of a share {@code δ} of its spend raises its marginal return to about {@code f′(x) − δ·x f″(x)}, known to
 * {@code (u_m + δ·u_s)} average returns ({@link Identifiability}), so the upper end there is
 * {@code U(δ) = f′(x) + u_m·a − δ·(x f″(x) − u_s·a)}. The cut goes as far as {@code U(δ)} stays below the trusted
 * channel's lower end {@code L}: {@code δ = (L − f′(x) − u_m·a) / (u_s·a − x f″(x))}, at most {@code maxShare}.
 * Beyond it the data no longer say that the money earns more elsewhere.
 *
 * @param share           the largest share of the channel's spend the cut may take, in (0, maxShare]
 * @param upperMarginal   the upper end of the held channel's marginal return's 90 % interval at its spend
 * @param trustedChannel  the trusted channel whose lower end bounds it
 * @param lowerMarginal   that channel's lower end
 */
public record DominatedCut(double share, double upperMarginal, String trustedChannel, double lowerMarginal) {

    /**
     * @param held       the held channel's judgement at the spend a move would start from
     * @param trusted    the best lower end among the trusted channels' marginal returns, and whose it is
     * @param maxShare   no cut takes more than this share of the channel's spend in one move
     */
    public static Optional<DominatedCut> of(Identifiability held, String trustedChannel, double lowerMarginal,
                                            double maxShare) {
        double average = held.averageReturn();
        if (!(average > 0) || !Double.isFinite(held.marginalReturnUncertainty())
                || !Double.isFinite(held.slopeUncertainty()) || !(maxShare > 0)) {
            return Optional.empty();
        }
        double upper = held.marginalReturn() + held.marginalReturnUncertainty() * average;
        double margin = lowerMarginal - upper;
        if (!(margin > 0)) {
            return Optional.empty();
        }
        // How fast the upper end rises per share cut: the curve's own rise plus the growing uncertainty. A convex
        // stretch (x f″ > 0) would lower the marginal return with the cut; the uncertainty still bounds it.
        double rise = held.slopeUncertainty() * average - held.slope();
        double share = rise > 0 ? Math.min(maxShare, margin / rise) : maxShare;
        return Optional.of(new DominatedCut(share, upper, trustedChannel, lowerMarginal));
    }

    /** The lower end of a trusted channel's marginal return's 90 % interval at the spend a move starts from. */
    public static double lowerMarginal(Identifiability trusted) {
        return trusted.marginalReturn() - trusted.marginalReturnUncertainty() * trusted.averageReturn();
    }

    /**
     * The least the channel may keep of {@code left}: {@code (1 − share)} of it, rounded up to the currency's minor
     * unit so that the cut never goes beyond where the data still say the money earns more elsewhere.
     */
    public Money lowest(Money left) {
        BigDecimal kept = left.amount().multiply(BigDecimal.valueOf(1 - share));
        return Money.of(kept.setScale(left.amount().scale(), RoundingMode.CEILING), left.currency());
    }

    /** What an approver reads on the move. */
    public String reason() {
        return String.format(Locale.ROOT, "cut only, by at most %.0f %% of its spend left: its curve is not pinned "
                        + "down, but its marginal return is at most %.4f (90 %%), below %s's at least %.4f",
                100 * share, upperMarginal, trustedChannel, lowerMarginal);
    }
}
