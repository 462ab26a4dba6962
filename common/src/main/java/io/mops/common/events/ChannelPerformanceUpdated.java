package io.mops.common.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Attribution's verdict on one channel over one window: how many conversions (and how much value) it earned,
 * what it cost, and the resulting return on ad spend. Budget moves money on these.
 *
 * @param roas credited value divided by spend; {@code null} when spend is zero or unknown
 */
public record ChannelPerformanceUpdated(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String channel,
        @NotBlank String model,
        @NotNull LocalDate windowStart,
        @NotNull LocalDate windowEnd,
        @NotNull @PositiveOrZero BigDecimal creditedConversions,
        @NotNull @PositiveOrZero BigDecimal creditedValue,
        @NotNull @PositiveOrZero BigDecimal spend,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
        @PositiveOrZero BigDecimal roas) {

    public static final EventType<ChannelPerformanceUpdated> TYPE =
            new EventType<>("ChannelPerformanceUpdated", 1, Topics.CHANNEL_PERFORMANCE, ChannelPerformanceUpdated.class);

    public String subject() {
        return "channel:" + channel;
    }
}
