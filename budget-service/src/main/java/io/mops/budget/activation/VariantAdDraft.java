package io.mops.budget.activation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The platform ad that shows an experiment's variant.
 *
 * @param accountId Google Ads: the 10-digit customer id; Meta: the ad account, {@code act_<digits>}
 * @param adGroupId Google Ads only, and required there: the ad group the ad is in
 * @param adId      the platform's ad id (digits)
 */
public record VariantAdDraft(
        @NotBlank @Pattern(regexp = "\\d{3}-?\\d{3}-?\\d{4}|act_\\d{1,20}",
                message = "a Google Ads customer id (10 digits) or a Meta ad account (act_<digits>)") String accountId,
        @Pattern(regexp = "\\d{1,20}", message = "the ad group's id: digits") String adGroupId,
        @NotBlank @Pattern(regexp = "\\d{1,20}", message = "the platform's ad id: digits") String adId) {
}
