package io.mops.qa.forecast;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * What a finished campaign achieved, as a channel team or the CoE reports it.
 *
 * @param targeting   the campaign's targeting criteria, as in its QA submission: campaigns with the same criteria
 *                    reached the same audience
 * @param exposures   deliveries (emails delivered, texts sent) or impressions (ads)
 * @param conversions conversions attributed to the campaign's clicks
 */
public record CampaignResultReport(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,79}", message = "must be 1-80 letters, digits, dots, dashes or underscores")
        String campaignId,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be a lowercase channel key")
        String channel,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> targeting,
        @NotNull @PositiveOrZero Long exposures,
        @NotNull @PositiveOrZero Long clicks,
        @NotNull @PositiveOrZero Long conversions,
        LocalDate endedOn) {
}
