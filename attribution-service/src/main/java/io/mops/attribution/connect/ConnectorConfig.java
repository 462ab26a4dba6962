package io.mops.attribution.connect;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Set;

/** The connector imports' settings (keys documented in docs/connectors.md and the service README). */
@ConfigMapping(prefix = "mops.attribution.connectors")
public interface ConnectorConfig {

    Ga4 ga4();

    interface Ga4 {

        /** GA4 events that are visits, each one touchpoint of its traffic source. */
        @WithDefault("session_start")
        Set<String> visitEvents();

        /** GA4 events that are conversions ({@code purchase} and the property's other key events). */
        @WithDefault("purchase")
        Set<String> keyEvents();
    }
}
