package io.mops.testing.trackrecord;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How declared winners are measured after the conclusion (docs/testing.md, "Track record"). */
@ConfigMapping(prefix = "mops.testing.track-record")
public interface TrackRecordConfig {

    /**
     * Units first exposed to the rolled-out winner after the conclusion before its realised rate is read. 1,000: at
     * a conversion rate of 3 % that is about 30 conversions, enough for the realised rate to say something and for
     * its predictive interval to be more than the sampling noise of a handful of units.
     */
    @WithDefault("1000")
    long minUnits();
}
