package io.mops.budget.reallocation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;

@ConfigMapping(prefix = "mops.budget.reallocation")
public interface ReallocationConfig {

    /** At most one proposal per plan in this interval. */
    @WithDefault("PT1H")
    Duration minInterval();

    /** How long an approval request stays open before the proposal lapses. */
    @WithDefault("PT48H")
    Duration approvalTimeout();

    /** The largest raise or cut of one channel in an autonomous proposal, in percent. */
    @WithDefault("20")
    BigDecimal maxChangePercent();

    /**
     * A proposal moves money only when its expected gain exceeds this many standard errors of that gain; otherwise
     * the current split is kept (0: any positive expected gain). Applies to asked-for proposals too.
     */
    @WithDefault("1")
    double minGainStandardErrors();

    /**
     * A channel's curve is trusted to move its money only when the 90 % interval of its marginal return at the
     * current spend is at most ± this share of its average return there; otherwise the channel is held.
     */
    @WithDefault("0.25")
    double maxMarginalReturnUncertainty();

    /**
     * ... and the 90 % interval of how fast that marginal return falls as spend grows (x f″(x), its change per
     * relative change of spend) is at most ± this share of the average return.
     */
    @WithDefault("0.4")
    double maxMarginalReturnSlopeUncertainty();

    /**
     * A held channel whose marginal return is below a trusted channel's beyond both intervals may still be cut
     * ({@code DominatedCut}), by at most this share of its money left in one move; 0 holds it like any other.
     */
    @WithDefault("0.5")
    double maxDominatedCutShare();

    /** How often lapsed approval requests are looked for ({@code off} to disable). */
    @WithDefault("1m")
    String expiryCheck();
}
