package io.mops.simulator.loop;

import com.fasterxml.jackson.databind.JsonNode;
import io.mops.simulator.market.Market;
import io.mops.simulator.platform.PlatformApi;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The channel teams' side of the plan: one always-on campaign per channel whose budget holds what has been spent
 * plus the day ahead — no more, so that the loop may move the rest of the channel's allocation — and never more than
 * the channel's allocation: an ad platform does not deliver past its campaign's budget.
 */
final class CampaignBudgets {

    private final PlatformApi api;
    private final Supplier<String> coe;
    private final String planId;
    private final Market market;
    private final String[] campaigns;
    private final double[] spentSoFar;

    CampaignBudgets(PlatformApi api, Supplier<String> coe, String planId, Market market) {
        this.api = api;
        this.coe = coe;
        this.planId = planId;
        this.market = market;
        this.campaigns = new String[market.channels()];
        this.spentSoFar = new double[market.channels()];
        for (int c = 0; c < campaigns.length; c++) {
            campaigns[c] = api.post(coe, "/budget/plans/" + planId + "/campaigns", Map.of("channel", market.channel(c),
                    "name", "Always on " + market.channel(c), "amount", "0")).path("id").asText();
        }
    }

    String campaignOf(int channel) {
        return campaigns[channel];
    }

    double spentSoFar(int channel) {
        return spentSoFar[channel];
    }

    /** A lifetime budget's pacing: what is left of the allocation, spread evenly over the days left (today included). */
    static double paced(double allocation, double spentSoFar, int daysLeft) {
        return Math.max(0, allocation - spentSoFar) / Math.max(1, daysLeft);
    }

    /**
     * Raises each campaign's budget to hold the day's spend; where the channel's allocation cannot hold it, the day's
     * spend is cut to what is left (the array is changed in place).
     */
    void holdForDay(double[] spend) {
        JsonNode plan = api.get(coe, "/budget/plans/" + planId);
        for (int c = 0; c < spend.length; c++) {
            double allocation = allocationOf(plan, market.channel(c));
            double room = Math.max(0, floorCents(allocation) - spentSoFar[c]);
            spend[c] = Math.min(floorCents(spend[c]), room);
            double hold = spentSoFar[c] + spend[c];
            api.put(coe, "/budget/campaigns/" + campaigns[c] + "/budget", Map.of("amount", ClosedLoop.money(hold)));
            spentSoFar[c] = hold;
        }
    }

    private static double allocationOf(JsonNode plan, String channel) {
        for (JsonNode c : plan.path("channels")) {
            if (channel.equals(c.path("channel").asText())) {
                return c.path("allocation").asDouble();
            }
        }
        throw new IllegalStateException("the plan has no allocation for " + channel);
    }

    private static double floorCents(double amount) {
        return Math.floor(amount * 100) / 100;
    }
}
