package io.mops.budget.signal;

import io.mops.common.events.ChannelPerformanceUpdated.PeriodKind;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which of attribution's channel performance the response curves are fitted on (docs/budget.md, "The evidence the
 * curves are fitted on"). Signals of other models and period kinds are kept and shown, never mixed in.
 */
@ConfigMapping(prefix = "mops.budget.curves")
public interface CurvesConfig {

    /**
     * The attribution model whose credit is the outcome a curve explains. {@code markov-1} by default: it is what
     * attribution-service publishes by default, and it credits a channel with the conversions that depend on it
     * (its removal effect) rather than with its position in the journey — the quantity that moves when the
     * channel's spend moves.
     */
    @WithDefault("markov-1")
    String attributionModel();

    /**
     * The period kind the curves are fitted on: {@code week} (default) or {@code day}. Weeks average out the weekday
     * pattern that an adstock and Hill curve cannot explain, and are what attribution-service publishes by default.
     */
    @WithDefault("week")
    PeriodKind period();

    /** Whether a signal is evidence the curves are fitted on. */
    default boolean fitsOn(String model, PeriodKind kind) {
        return attributionModel().equals(model) && period() == kind;
    }
}
