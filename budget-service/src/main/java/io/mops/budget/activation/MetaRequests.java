package io.mops.budget.activation;

import io.mops.budget.money.Money;

/**
 * Meta Marketing API requests: a campaign is updated with {@code POST /v21.0/{campaign_id}} and the fields to change
 * as form parameters — {@code daily_budget} in the account currency's minor unit (cents for EUR and USD, whole yen for
 * JPY), {@code status} {@code PAUSED} or {@code ACTIVE}. The access token goes in the {@code Authorization} header,
 * never in the recorded body.
 */
public final class MetaRequests implements PlatformRequests {

    private final String baseUrl;
    private final String apiVersion;

    public MetaRequests(String baseUrl, String apiVersion) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiVersion = apiVersion;
    }

    /** An amount in the currency's minor unit (100 for 1.00 EUR, 1 for ¥1): exact, as {@link Money} holds no more. */
    public static long minorUnits(Money amount) {
        // Money keeps its amount at the currency's minor unit, so its scale is that unit.
        return amount.amount().movePointRight(amount.amount().scale()).longValueExact();
    }

    @Override
    public PlatformRequest budget(PlatformTarget target, Money daily) {
        return update(target, "daily_budget=" + minorUnits(daily));
    }

    @Override
    public PlatformRequest status(PlatformTarget target, boolean active) {
        return update(target, "status=" + (active ? "ACTIVE" : "PAUSED"));
    }

    /** An ad is updated as a campaign is: {@code POST /v21.0/{ad_id}} with {@code status}. */
    @Override
    public PlatformRequest adStatus(AdTarget target, boolean active) {
        return update(target.adId(), "status=" + (active ? "ACTIVE" : "PAUSED"));
    }

    private PlatformRequest update(PlatformTarget target, String form) {
        return update(target.platformCampaignId(), form);
    }

    private PlatformRequest update(String objectId, String form) {
        return new PlatformRequest("POST", baseUrl + "/" + apiVersion + "/" + objectId,
                "application/x-www-form-urlencoded", form);
    }
}
