package io.mops.attribution.performance;

import io.mops.common.events.ChannelPerformanceUpdated.PeriodKind;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** How attribution-service reports channel performance per period (keys documented in docs/attribution.md). */
@ConfigMapping(prefix = "mops.attribution.performance")
public interface PerformanceConfig {

    /** The attribution models each period is credited with; one event per channel, model and period. */
    @WithDefault("markov-1")
    List<String> models();

    /** {@code week} (ISO weeks, Monday to Sunday) or {@code day}. */
    @WithDefault("week")
    PeriodKind period();

    /** The time zone whose calendar days make up the periods. */
    @WithDefault("UTC")
    ZoneId zone();

    /**
     * How long after a period ends late data may still revise it: every run recomputes the complete periods that
     * ended within this time and republishes those whose figures changed.
     */
    @WithDefault("P28D")
    Duration revisionWindow();

    /** How far before a conversion touchpoints count toward its journey, in days. */
    @WithDefault("30")
    int lookbackDays();

    /** Conversions and spend in other currencies are not counted. */
    @WithDefault("EUR")
    String currency();

    /** How often the scheduler looks for complete and changed periods ({@code off} to disable). */
    @WithDefault("15m")
    String interval();

    /** At most one revision of a channel's period per model in this time; a change within it waits, it is not lost. */
    @WithDefault("PT6H")
    Duration minimumInterval();
}
