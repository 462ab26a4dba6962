package io.mops.simulator.market;

import java.util.List;

/**
 * An experiment the market's website runs for a channel: visitors a day, and each variant's true conversion rate.
 * The first variant is the control.
 */
public record ExperimentSpec(String channel, String key, int visitorsPerDay, List<VariantSpec> variants) {

    public record VariantSpec(String name, double conversionRate) {
    }

    void validate(String field, List<String> channels) {
        if (!channels.contains(channel)) {
            throw new MarketSpecException(field + ".channel", "'" + channel + "' is not one of the market's channels "
                    + channels);
        }
        if (key == null || !key.matches("[a-z0-9][a-z0-9-]{2,63}")) {
            throw new MarketSpecException(field + ".key", "must be an experiment key (3–64 of a-z, 0-9, '-')");
        }
        if (visitorsPerDay < 1) {
            throw new MarketSpecException(field + ".visitorsPerDay", "must be at least 1");
        }
        if (variants == null || variants.size() < 2) {
            throw new MarketSpecException(field + ".variants", "needs at least two variants");
        }
        for (int i = 0; i < variants.size(); i++) {
            VariantSpec v = variants.get(i);
            if (v.name() == null || v.name().isBlank()) {
                throw new MarketSpecException(field + ".variants[" + i + "].name", "is required");
            }
            if (!(v.conversionRate() >= 0 && v.conversionRate() <= 1)) {
                throw new MarketSpecException(field + ".variants[" + i + "].conversionRate", "must be in [0, 1]");
            }
        }
    }

    /** The highest true rate: what all traffic to the best variant would earn per visitor. */
    public double bestRate() {
        return variants.stream().mapToDouble(VariantSpec::conversionRate).max().orElseThrow();
    }
}
