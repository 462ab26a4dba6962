package io.mops.attribution.credit;

import io.mops.attribution.model.Attribution;
import io.mops.attribution.model.CampaignCredit;
import io.mops.attribution.model.PathSet;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The credit of stored journeys over a window, per channel and, for touchpoint-weighting models, per campaign; and
 * per channel the spend reported for the window's days with its return on ad spend under each model.
 */
@Schema(description = "Credit of the stored journeys whose conversions fall in a window")
public record WindowCredit(LocalDate from, LocalDate to, int lookbackDays, long journeys,
                           long unattributedConversions, BigDecimal unattributedValue,
                           CreditComparison credit, List<CampaignRow> campaigns, List<ChannelReturn> returns) {

    @Schema(description = "One campaign's credit under each model that credits campaigns")
    public record CampaignRow(String channel, String campaign, Map<String, CreditComparison.ModelCredit> credit) {
    }

    /** @param paths the journeys, grouped by channel path */
    static WindowCredit of(LocalDate from, LocalDate to, int lookbackDays, long journeys, PathSet paths,
                           long unattributedConversions, BigDecimal unattributedValue, List<Attribution> attributions,
                           Map<String, BigDecimal> spendByChannel) {
        Map<List<String>, Map<String, CreditComparison.ModelCredit>> byCampaign = new TreeMap<>(
                (a, b) -> a.get(0).equals(b.get(0)) ? a.get(1).compareTo(b.get(1)) : a.get(0).compareTo(b.get(0)));
        for (Attribution attribution : attributions) {
            for (CampaignCredit campaign : attribution.campaigns()) {
                byCampaign.computeIfAbsent(List.of(campaign.channel(), campaign.campaign().orElse("")),
                        k -> new LinkedHashMap<>()).put(attribution.model(),
                        new CreditComparison.ModelCredit(campaign.conversions(), campaign.value(), null));
            }
        }
        List<CampaignRow> campaigns = new ArrayList<>();
        byCampaign.forEach((key, credit) -> campaigns.add(new CampaignRow(key.get(0),
                Optional.of(key.get(1)).filter(c -> !c.isEmpty()).orElse(null), credit)));
        CreditComparison credit = CreditComparison.of(paths, attributions);
        List<ChannelReturn> returns = ChannelReturn.of(credit.channels().stream().map(CreditComparison.ChannelRow::channel)
                .toList(), attributions, spendByChannel);
        return new WindowCredit(from, to, lookbackDays, journeys, unattributedConversions,
                unattributedValue, credit, campaigns, returns);
    }
}
