package io.mops.qa.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A campaign as it is handed to QA before launch: what goes out, to whom, when, with what money and how it is
 * tracked. Only what identifies the campaign is mandatory at the door; everything else may be missing or wrong,
 * because finding that out (and saying so precisely) is the job of the checks.
 *
 * @param campaignId     the campaign's key in the planning tools; QA events are about {@code campaign:<campaignId>}
 * @param trackingLinks  links the channel team declares as tracked (ad destination URLs, deep links); links inside
 *                       the email HTML and the SMS text are found by QA itself
 * @param substantiations evidence on file for claims in the copy ("free", "#1", ...)
 * @param brand          the brand whose voice the copy must have (its corpus key); optional, without it the brand
 *                       voice is not checked
 * @param targets        the click and conversion rates the campaign is planned to reach; optional, the forecast from
 *                       past campaigns is checked against them
 * @param budgetCampaignId the campaign's id in budget-service, whose held budget the campaign's budget must stay
 *                       within; expected for paid channels
 */
public record CampaignSubmission(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,79}", message = "must be 1-80 letters, digits, dots, dashes or underscores")
        String campaignId,
        String name,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be a lowercase channel key")
        String channel,
        LocalDate startDate,
        LocalDate endDate,
        @Valid Money budget,
        @Valid Audience audience,
        @Size(max = 500) List<String> trackingLinks,
        @NotNull @Valid Creatives creatives,
        @Size(max = 200) List<@Valid Substantiation> substantiations,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,79}", message = "must be a lowercase brand key") String brand,
        @Valid PerformanceTargets targets,
        UUID budgetCampaignId) {

    public CampaignSubmission {
        trackingLinks = Lists.present(trackingLinks);
        substantiations = Lists.present(substantiations);
        audience = audience == null ? Audience.UNKNOWN : audience;
    }
}
