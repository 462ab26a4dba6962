package io.mops.budget.activation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mops.budget.money.Money;

import java.math.BigDecimal;

/**
 * Google Ads API requests over REST, as its reference documents them: a {@code CampaignBudgetService.MutateCampaignBudgets}
 * ({@code POST /v17/customers/{customerId}/campaignBudgets:mutate}) with one {@code update} operation and its {@code
 * updateMask} for a budget, a {@code CampaignService.MutateCampaigns} ({@code …/campaigns:mutate}) setting {@code
 * status} for a pause or resume. Money is in micros of the account's currency (1 EUR = 1,000,000), an int64, which
 * the REST (proto3 JSON) encoding writes as a string.
 */
public final class GoogleAdsRequests implements PlatformRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigDecimal MICROS = BigDecimal.valueOf(1_000_000);

    private final String baseUrl;
    private final String apiVersion;

    public GoogleAdsRequests(String baseUrl, String apiVersion) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiVersion = apiVersion;
    }

    /** An amount in micros: exact, as no currency has more than 6 decimals. */
    public static long micros(Money amount) {
        return amount.amount().multiply(MICROS).longValueExact();
    }

    @Override
    public PlatformRequest budget(PlatformTarget target, Money daily) {
        if (target.campaignBudgetId() == null) {
            throw new IllegalArgumentException("a Google Ads campaign's budget change needs its campaignBudgetId");
        }
        ObjectNode update = JSON.createObjectNode()
                .put("resourceName", "customers/" + target.accountId() + "/campaignBudgets/" + target.campaignBudgetId())
                .put("amountMicros", Long.toString(micros(daily)));
        return mutate(target, "campaignBudgets", update, "amountMicros");
    }

    @Override
    public PlatformRequest status(PlatformTarget target, boolean enabled) {
        ObjectNode update = JSON.createObjectNode()
                .put("resourceName", "customers/" + target.accountId() + "/campaigns/" + target.platformCampaignId())
                .put("status", enabled ? "ENABLED" : "PAUSED");
        return mutate(target, "campaigns", update, "status");
    }

    /** {@code AdGroupAdService.MutateAdGroupAds}: an ad in an ad group, named {@code adGroupId~adId}. */
    @Override
    public PlatformRequest adStatus(AdTarget target, boolean enabled) {
        if (target.adGroupId() == null) {
            throw new IllegalArgumentException("a Google Ads ad is named by its ad group and ad ids");
        }
        ObjectNode update = JSON.createObjectNode()
                .put("resourceName", "customers/" + target.accountId() + "/adGroupAds/" + target.adGroupId() + "~"
                        + target.adId())
                .put("status", enabled ? "ENABLED" : "PAUSED");
        return mutate(target.accountId(), "adGroupAds", update, "status");
    }

    private PlatformRequest mutate(PlatformTarget target, String collection, ObjectNode update, String mask) {
        return mutate(target.accountId(), collection, update, mask);
    }

    private PlatformRequest mutate(String customerId, String collection, ObjectNode update, String mask) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("operations").addObject().put("updateMask", mask).set("update", update);
        return new PlatformRequest("POST", baseUrl + "/" + apiVersion + "/customers/" + customerId + "/"
                + collection + ":mutate", "application/json", body.toString());
    }
}
