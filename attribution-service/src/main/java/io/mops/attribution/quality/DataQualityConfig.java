package io.mops.attribution.quality;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The data-quality detectors of touchpoint ingest (docs/attribution.md, "Data quality"). */
@ConfigMapping(prefix = "mops.attribution.quality")
public interface DataQualityConfig {

    /** Whether touchpoints from Kafka are counted and judged at all. */
    @WithDefault("true")
    boolean enabled();

    /** The windows of arrival counts are kept and judged in, from the epoch (UTC hours by default). */
    @WithDefault("PT1H")
    Duration window();

    Duplicates duplicates();

    Timing timing();

    Taxonomy taxonomy();

    interface Duplicates {
        /** Alarm when more than this share of a channel's touchpoints in a window had been seen before. */
        @WithDefault("0.2")
        double maxShare();

        /** A channel's window with fewer touchpoints is not judged (a share of a handful says little). */
        @WithDefault("200")
        long minEvents();
    }

    interface Timing {
        /** A touchpoint that happened more than this after it arrived is mistimed (a clock or time zone fault). */
        @WithDefault("PT1H")
        Duration maxAhead();

        /** A touchpoint that happened more than this before it arrived is mistimed (a replayed or stuck feed). */
        @WithDefault("P7D")
        Duration maxBehind();

        /** Alarm when a channel's window holds more mistimed touchpoints than this. */
        @WithDefault("50")
        long maxEvents();
    }

    interface Taxonomy {
        /** The campaign names of the taxonomy, a regular expression the whole name must match; unset: not judged. */
        Optional<String> campaignPattern();

        /** Alarm when a channel's window holds more touchpoints naming a campaign outside it than this. */
        @WithDefault("100")
        long maxEvents();
    }
}
