package io.mops.attribution.model;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The conversions and conversion value a model credits to one channel.
 *
 * @param samplingError present only when the model estimated the credit by sampling
 */
public record ChannelCredit(String channel, BigDecimal conversions, BigDecimal value,
                           Optional<SamplingError> samplingError) {

    /** The standard errors of a sampled estimate, in conversions and in value, and the sample it came from. */
    public record SamplingError(double conversions, double value, int permutations) {
    }

    public static ChannelCredit exact(String channel, BigDecimal conversions, BigDecimal value) {
        return new ChannelCredit(channel, conversions, value, Optional.empty());
    }
}
