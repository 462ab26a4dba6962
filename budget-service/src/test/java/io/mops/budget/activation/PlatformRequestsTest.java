package io.mops.budget.activation;

import io.mops.budget.money.Money;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The platforms' requests as their references document them, with the amounts converted by hand: Google Ads in micros
 * (1 EUR = 1,000,000 micros), Meta in the currency's minor unit (cents; whole yen).
 */
class PlatformRequestsTest {

    private final GoogleAdsRequests google = new GoogleAdsRequests("https://googleads.googleapis.com/", "v17");
    private final MetaRequests meta = new MetaRequests("https://graph.facebook.com", "v21.0");
    private final PlatformTarget googleCampaign =
            new PlatformTarget(Platform.GOOGLE_ADS, "1234567890", "987654321", "555000111");
    private final PlatformTarget metaCampaign =
            new PlatformTarget(Platform.META, "act_1029384756", "120210000000000001", null);

    @Test
    void googleBudgetIsACampaignBudgetMutateInMicros() {
        PlatformRequest request = google.budget(googleCampaign, Money.of("100.00", "EUR"));
        assertEquals("POST", request.method());
        assertEquals("https://googleads.googleapis.com/v17/customers/1234567890/campaignBudgets:mutate", request.url());
        assertEquals("application/json", request.contentType());
        assertEquals("{\"operations\":[{\"updateMask\":\"amountMicros\",\"update\":{\"resourceName\":"
                + "\"customers/1234567890/campaignBudgets/555000111\",\"amountMicros\":\"100000000\"}}]}",
                request.body());
    }

    @Test
    void microsAndMinorUnitsAreExact() {
        // 12.34 EUR = 12,340,000 micros = 1,234 cents; 0.01 EUR = 10,000 micros = 1 cent; ¥1,500 = 1,500 yen.
        assertEquals(12_340_000L, GoogleAdsRequests.micros(Money.of("12.34", "EUR")));
        assertEquals(10_000L, GoogleAdsRequests.micros(Money.of("0.01", "EUR")));
        assertEquals(1_500_000_000L, GoogleAdsRequests.micros(Money.of("1500", "JPY")));
        assertEquals(1_234L, MetaRequests.minorUnits(Money.of("12.34", "EUR")));
        assertEquals(1L, MetaRequests.minorUnits(Money.of("0.01", "USD")));
        assertEquals(1_500L, MetaRequests.minorUnits(Money.of("1500", "JPY")));
        // Bahraini dinar: three decimals, 1.234 BHD = 1,234 fils.
        assertEquals(1_234L, MetaRequests.minorUnits(Money.of("1.234", "BHD")));
    }

    @Test
    void googlePauseAndResumeSetTheCampaignsStatus() {
        assertEquals("{\"operations\":[{\"updateMask\":\"status\",\"update\":{\"resourceName\":"
                        + "\"customers/1234567890/campaigns/987654321\",\"status\":\"PAUSED\"}}]}",
                google.status(googleCampaign, false).body());
        assertEquals("https://googleads.googleapis.com/v17/customers/1234567890/campaigns:mutate",
                google.status(googleCampaign, false).url());
        assertEquals("{\"operations\":[{\"updateMask\":\"status\",\"update\":{\"resourceName\":"
                        + "\"customers/1234567890/campaigns/987654321\",\"status\":\"ENABLED\"}}]}",
                google.status(googleCampaign, true).body());
    }

    @Test
    void aWinnersAdIsEnabledAndALosersPausedOnEachPlatform() {
        AdTarget googleAd = new AdTarget(Platform.GOOGLE_ADS, "1234567890", "444555666", "777888999");
        PlatformRequest enable = google.adStatus(googleAd, true);
        assertEquals("https://googleads.googleapis.com/v17/customers/1234567890/adGroupAds:mutate", enable.url());
        assertEquals("{\"operations\":[{\"updateMask\":\"status\",\"update\":{\"resourceName\":"
                + "\"customers/1234567890/adGroupAds/444555666~777888999\",\"status\":\"ENABLED\"}}]}", enable.body());
        assertEquals("{\"operations\":[{\"updateMask\":\"status\",\"update\":{\"resourceName\":"
                        + "\"customers/1234567890/adGroupAds/444555666~777888999\",\"status\":\"PAUSED\"}}]}",
                google.adStatus(googleAd, false).body());
        AdTarget metaAd = new AdTarget(Platform.META, "act_1029384756", null, "120210000000000777");
        assertEquals("https://graph.facebook.com/v21.0/120210000000000777", meta.adStatus(metaAd, true).url());
        assertEquals("status=ACTIVE", meta.adStatus(metaAd, true).body());
        assertEquals("status=PAUSED", meta.adStatus(metaAd, false).body());
    }

    @Test
    void googleBudgetNeedsTheCampaignBudgetId() {
        PlatformTarget noBudget = new PlatformTarget(Platform.GOOGLE_ADS, "1234567890", "987654321", null);
        assertThrows(IllegalArgumentException.class, () -> google.budget(noBudget, Money.of("1.00", "EUR")));
    }

    @Test
    void metaUpdatesTheCampaignWithFormFields() {
        PlatformRequest budget = meta.budget(metaCampaign, Money.of("100.00", "EUR"));
        assertEquals("POST", budget.method());
        assertEquals("https://graph.facebook.com/v21.0/120210000000000001", budget.url());
        assertEquals("application/x-www-form-urlencoded", budget.contentType());
        assertEquals("daily_budget=10000", budget.body());
        assertEquals("status=PAUSED", meta.status(metaCampaign, false).body());
        assertEquals("status=ACTIVE", meta.status(metaCampaign, true).body());
    }
}
