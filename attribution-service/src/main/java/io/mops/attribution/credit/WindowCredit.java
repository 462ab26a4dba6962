package io.mops.attribution.credit;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 *
 * @param channel the one channel the answer is narrowed to ({@link #confinedTo}), {@code null} for every channel
 */
@Schema(description = "Credit of the stored journeys whose conversions fall in a window")
public record WindowCredit(LocalDate from, LocalDate to, int lookbackDays,
                           @JsonInclude(JsonInclude.Include.NON_NULL)
                           @Schema(description = "The one channel this answer is narrowed to; absent for all channels")
                           String channel,
                           @JsonInclude(JsonInclude.Include.NON_NULL)
                           @Schema(description = "Journeys credited; absent in an answer narrowed to one channel")
                           Long journeys,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Long unattributedConversions,
                           @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal unattributedValue,
                           CreditComparison credit, List<CampaignRow> campaigns, List<ChannelReturn> returns) {

    /**
     * What a reader confined to {@code channel} may see: that channel's credit row, campaigns and return — its credit
     * under Markov or Shapley still reflects the paths it shared with other channels, which is what the model says
     * about it — and none of the totals over the window, which together with the channel's own credit would give
     * away the other channels' (with two channels, exactly).
     */
    public WindowCredit confinedTo(String channel) {
        return new WindowCredit(from, to, lookbackDays, channel, null, null, null, credit.confinedTo(channel),
                campaigns.stream().filter(row -> row.channel().equals(channel)).toList(),
                returns.stream().filter(row -> row.channel().equals(channel)).toList());
    }

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
        return new WindowCredit(from, to, lookbackDays, null, journeys, unattributedConversions,
                unattributedValue, credit, campaigns, returns);
    }
}
