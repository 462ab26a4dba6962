package io.mops.budget.activation;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Dry-run is the default; a live platform names every credential it lacks, so that start-up refuses it. */
class LiveCredentialsTest {

    private static ActivationConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(ActivationConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        return config.getConfigMapping(ActivationConfig.class);
    }

    @Test
    void dryRunByDefaultNeedsNothing() {
        ActivationConfig config = config(Map.of());
        assertEquals(ActivationConfig.Mode.DRY_RUN, config.googleAds().mode());
        assertEquals(ActivationConfig.Mode.DRY_RUN, config.meta().mode());
        assertEquals(List.of(), LiveCredentials.missing(config));
    }

    @Test
    void liveWithoutCredentialsNamesEachMissingKey() {
        ActivationConfig config = config(Map.of(
                "mops.budget.activation.google-ads.mode", "LIVE",
                "mops.budget.activation.google-ads.developer-token", "dev-token",
                "mops.budget.activation.google-ads.client-secret", " ",
                "mops.budget.activation.meta.mode", "LIVE"));
        assertEquals(List.of("mops.budget.activation.google-ads.client-id",
                "mops.budget.activation.google-ads.client-secret",
                "mops.budget.activation.google-ads.refresh-token",
                "mops.budget.activation.meta.access-token"), LiveCredentials.missing(config));
    }

    @Test
    void liveWithItsCredentialsStarts() {
        ActivationConfig config = config(Map.of(
                "mops.budget.activation.meta.mode", "LIVE",
                "mops.budget.activation.meta.access-token", "EAAB-token"));
        assertEquals(List.of(), LiveCredentials.missing(config));
    }
}
