package io.mops.common.events;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Money a campaign spent on one day, as a channel integration read it from the ad platform. Each report is an
 * increment, sent once (consumers de-duplicate by event id); a correction is a further report, never a rewrite.
 *
 * @param channel the campaign's channel when the integration knows it: attribution sums spend per channel and day
 *                from it (added compatibly within version 1: older reports simply lack it)
 */
public record CampaignSpendReported(
        @NotNull UUID campaignId,
        @NotNull LocalDate day,
        @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 4) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
        @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String channel) {

    public static final String TOPIC = Topics.INGEST_SPEND;

    public static final EventType<CampaignSpendReported> TYPE =
            new EventType<>("CampaignSpendReported", 1, TOPIC, CampaignSpendReported.class);

    public String subject() {
        return "campaign:" + campaignId;
    }
}
