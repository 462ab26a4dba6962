package io.mops.attribution.model;

import java.math.BigDecimal;
import java.util.Optional;

/** The credit of one campaign of a channel; touchpoints without a campaign are credited to an empty campaign. */
public record CampaignCredit(String channel, Optional<String> campaign, BigDecimal conversions, BigDecimal value) {
}
