package io.mops.common.events;

import jakarta.validation.Valid;
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
 * @param roas  credited value divided by spend; {@code null} when spend is zero or unknown
 * @param trend how the credit moved against the window of the same length just before; {@code null} when not
 *              computed (a performance recorded by hand). Optional, so the event stays version 1: readers that
 *              predate it ignore the field
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
        @PositiveOrZero BigDecimal roas,
        @Valid Trend trend) {

    public static final EventType<ChannelPerformanceUpdated> TYPE =
            new EventType<>("ChannelPerformanceUpdated", 1, Topics.CHANNEL_PERFORMANCE, ChannelPerformanceUpdated.class);

    /** Without a trend, as before the field existed. */
    public ChannelPerformanceUpdated(String channel, String model, LocalDate windowStart, LocalDate windowEnd,
                                     BigDecimal creditedConversions, BigDecimal creditedValue, BigDecimal spend,
                                     String currency, BigDecimal roas) {
        this(channel, model, windowStart, windowEnd, creditedConversions, creditedValue, spend, currency, roas, null);
    }

    public String subject() {
        return "channel:" + channel;
    }

    /**
     * The channel's credit in the previous window (as long as this one, ending the day before it starts) and the
     * direction of the change to this window.
     */
    public record Trend(
            @NotNull LocalDate previousWindowStart,
            @NotNull LocalDate previousWindowEnd,
            @NotNull @PositiveOrZero BigDecimal previousConversions,
            @NotNull @PositiveOrZero BigDecimal previousValue,
            @NotNull Direction direction) {
    }

    /** UP or DOWN when credited value moved by more than the publisher's tolerance, FLAT otherwise. */
    public enum Direction {
        UP, DOWN, FLAT
    }
}
