package io.mops.attribution.credit;

import io.mops.attribution.model.Attribution;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a channel spent over a window and what each model says that spend returned: credited value divided by
 * spend (4 decimals). A channel that spent but was credited nothing returns 0; one whose spend is unknown or zero
 * has no ROAS ({@code null}) — a ratio over no spend says nothing about the channel.
 *
 * @param spend the channel's spend in the window's currency, {@code null} when none was reported
 * @param roas  per model name; a value is {@code null} when spend is unknown or zero
 */
@Schema(description = "A channel's spend over the window and its return on ad spend under each model")
public record ChannelReturn(String channel, BigDecimal spend, Map<String, BigDecimal> roas) {

    /** One row per channel that was credited or spent, alphabetically. */
    static List<ChannelReturn> of(List<String> creditedChannels, List<Attribution> attributions,
                                  Map<String, BigDecimal> spendByChannel) {
        TreeSet<String> channels = new TreeSet<>(creditedChannels);
        channels.addAll(spendByChannel.keySet());
        List<ChannelReturn> rows = new ArrayList<>();
        for (String channel : channels) {
            BigDecimal spend = spendByChannel.get(channel);
            Map<String, BigDecimal> roas = new LinkedHashMap<>();
            for (Attribution attribution : attributions) {
                roas.put(attribution.model(), spend == null ? null
                        : ReturnOnAdSpend.of(attribution.creditOf(channel).value(), spend).orElse(null));
            }
            rows.add(new ChannelReturn(channel, spend, roas));
        }
        return rows;
    }
}
