package io.mops.simulator.report;

import java.util.Map;

/**
 * Attribution's credit for one channel against what it really caused, over the judged days.
 *
 * @param trueIncremental conversions the channel really caused (the market's truth)
 * @param creditByModel   conversions attribution-service credited to it, per model
 */
public record ChannelCredit(String channel, double trueIncremental, Map<String, Double> creditByModel) {
}
