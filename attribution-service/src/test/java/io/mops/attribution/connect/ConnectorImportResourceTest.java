package io.mops.attribution.connect;

import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static io.mops.attribution.mapping.ChannelMappingResourceTest.setRules;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The sample files (src/test/resources/connectors) imported through the real service, database and Keycloak. */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class ConnectorImportResourceTest {

    static final String COST = "/attribution/connectors/cost-reports";
    static final String GA4 = "/attribution/connectors/ga4";
    private final TestDatabase db = TestDatabase.named("mops_attribution_test");

    static byte[] sample(String name) {
        try (InputStream in = Objects.requireNonNull(ConnectorImportResourceTest.class.getResourceAsStream(
                "/connectors/" + name))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> spend(UUID campaign) {
        return db.strings("select day || ' ' || channel || ' ' || amount || ' ' || currency from channel_spend "
                + "where campaign_id = ? order by day", campaign);
    }

    @Test
    void aGoogleAdsReportIsStoredAsSpendPerCampaignAndDayAndAReimportAddsNothing() {
        UUID brand = UUID.randomUUID();
        UUID generic = UUID.randomUUID();
        int version = setRules(List.of(
                Map.of("source", "google", "medium", "cpc", "campaign", "brand*", "channel", "search",
                        "budgetCampaignId", brand),
                Map.of("source", "google", "medium", "cpc", "channel", "search", "budgetCampaignId", generic)));

        given().auth().oauth2(Tokens.user("carol"))
                .contentType("text/csv").queryParam("platform", "google-ads").body(sample("google-ads-campaigns.csv"))
                .post(COST)
                .then().statusCode(200)
                .body("format", equalTo("google-ads")).body("mappingVersion", equalTo(version))
                .body("received", equalTo(4)).body("stored", equalTo(4)).body("duplicates", equalTo(0))
                .body("ignored", equalTo(3));
        given().auth().oauth2(Tokens.user("carol"))
                .contentType("text/csv").queryParam("platform", "google-ads").body(sample("google-ads-campaigns.csv"))
                .post(COST)
                .then().statusCode(200)
                .body("received", equalTo(4)).body("stored", equalTo(0)).body("duplicates", equalTo(4));

        assertEquals(List.of("2026-11-20 search 1234.5600 EUR", "2026-11-21 search 1002.0000 EUR"), spend(brand));
        assertEquals(List.of("2026-11-20 search 987.1000 EUR", "2026-11-21 search 0.0000 EUR"), spend(generic));
    }

    @Test
    void unmappedCampaignsAreCountedPerValueAndNothingIsStoredUntilARuleMapsThem() {
        UUID prospecting = UUID.randomUUID();
        UUID retargeting = UUID.randomUUID();
        setRules(List.of(Map.of("source", "facebook", "campaign", "Black Friday*", "channel", "social",
                "budgetCampaignId", prospecting)));

        given().auth().oauth2(Tokens.user("carol"))
                .contentType("text/csv").queryParam("platform", "meta-ads").body(sample("meta-ads-campaigns.csv"))
                .post(COST)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("1 line rejected; nothing was applied"))
                .body("violations.field", equalTo(List.of("unmapped[facebook / paid-social / Retargeting 30d]",
                        "line 3")))
                .body("violations[0].message", equalTo("1 line matches no channel mapping rule"));
        assertEquals(List.of(), spend(prospecting));

        setRules(List.of(
                Map.of("source", "facebook", "campaign", "Black Friday*", "channel", "social",
                        "budgetCampaignId", prospecting),
                Map.of("source", "facebook", "channel", "social", "budgetCampaignId", retargeting)));
        given().auth().oauth2(Tokens.user("carol"))
                .contentType("text/csv").queryParam("platform", "meta-ads").body(sample("meta-ads-campaigns.csv"))
                .post(COST)
                .then().statusCode(200)
                .body("stored", equalTo(3));

        assertEquals(List.of("2026-11-20 social 1050.2500 EUR", "2026-11-21 social 998.7500 EUR"), spend(prospecting));
        assertEquals(List.of("2026-11-20 social 310.0000 EUR"), spend(retargeting));
    }

    @Test
    void aChannelTeamImportsItsOwnChannelsReportButNotAnotherTeams() {
        UUID bing = UUID.randomUUID();
        UUID linkedin = UUID.randomUUID();
        setRules(List.of(
                Map.of("source", "bing", "medium", "cpc", "channel", "search", "budgetCampaignId", bing),
                Map.of("source", "linkedin", "channel", "social", "budgetCampaignId", linkedin)));

        given().auth().oauth2(Tokens.user("sam"))
                .contentType("text/csv").queryParam("platform", "microsoft-ads")
                .body(sample("microsoft-advertising-campaigns.csv"))
                .post(COST)
                .then().statusCode(200)
                .body("stored", equalTo(2)).body("ignored", equalTo(8));
        given().auth().oauth2(Tokens.user("sam"))
                .contentType("text/csv").queryParam("platform", "linkedin-ads")
                .body(sample("linkedin-campaign-manager-campaigns.csv"))
                .post(COST)
                .then().statusCode(403)
                .contentType("application/problem+json");

        assertEquals(List.of("2026-11-20 search 310.4500 EUR", "2026-11-21 search 1298.7000 EUR"), spend(bing));
        assertEquals(List.of(), spend(linkedin));
    }

    @Test
    void aMissingOrUnknownPlatformIsAProblemNamingTheParameter() {
        given().auth().oauth2(Tokens.user("carol"))
                .contentType("text/csv").body("Day,Campaign,Cost\n")
                .post(COST)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("platform"));
        given().auth().oauth2(Tokens.user("carol"))
                .contentType("text/csv").queryParam("platform", "tiktok-ads").body("Day,Campaign,Cost\n")
                .post(COST)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("platform"));
    }

    @Test
    void aGa4ExportBecomesTouchpointsOfTheMappedChannelsAndConversionsOnce() {
        int version = setRules(List.of(
                Map.of("source", "google", "medium", "cpc", "channel", "search"),
                Map.of("medium", "email", "channel", "email"),
                Map.of("source", "(direct)", "channel", "direct")));

        given().auth().oauth2(Tokens.user("carol"))
                .contentType("application/x-ndjson").body(sample("ga4-events_20261120.json"))
                .post(GA4)
                .then().statusCode(200)
                .body("format", equalTo("ga4")).body("mappingVersion", equalTo(version))
                .body("received", equalTo(5)).body("touchpoints", equalTo(4)).body("conversions", equalTo(1))
                .body("stored", equalTo(5)).body("ignored", equalTo(2));
        given().auth().oauth2(Tokens.user("carol"))
                .contentType("application/x-ndjson").body(sample("ga4-events_20261120.json"))
                .post(GA4)
                .then().statusCode(200)
                .body("stored", equalTo(0)).body("duplicates", equalTo(5));

        assertEquals(List.of("search Brand | EU", "email bf-teaser"), db.strings("select channel || ' ' || campaign "
                + "from touchpoint where anonymous_id = ? order by occurred_at", "1840392021.1795165200"));
        assertEquals(List.of("c-1001 129.900000 EUR"), db.strings("select user_id || ' ' || value || ' ' || currency "
                + "from conversion where anonymous_id = ?", "1840392021.1795165200"));
        assertEquals(List.of("search", "direct"), db.strings("select channel from touchpoint where anonymous_id in "
                + "(?, ?) order by occurred_at", "99001122.1795185910", "55501234.1795187400"));
    }

    @Test
    void aGa4ExportWithUnmappedSourcesIsRefusedWithTheSourcesCounted() {
        setRules(List.of(Map.of("source", "google", "medium", "cpc", "channel", "search")));
        byte[] body = """
                {"event_timestamp":"1795165200000000","event_name":"session_start","user_pseudo_id":"u-%1$s","collected_traffic_source":{"manual_source":"partner","manual_medium":"referral"}}
                {"event_timestamp":"1795165300000000","event_name":"session_start","user_pseudo_id":"u-%1$s","collected_traffic_source":{"manual_source":"partner","manual_medium":"referral"}}
                {"event_timestamp":"1795165400000000","event_name":"session_start","user_pseudo_id":"u-%1$s","collected_traffic_source":{"manual_source":"google","manual_medium":"cpc"}}
                """.formatted(UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

        given().auth().oauth2(Tokens.user("carol"))
                .contentType("application/x-ndjson").body(body)
                .post(GA4)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("unmapped[partner / referral / (not set)]", "line 1", "line 2")))
                .body("violations[0].message", equalTo("2 lines match no channel mapping rule"));
    }

    @Test
    void aChannelTeamMayNotImportAGa4Export() {
        given().auth().oauth2(Tokens.user("sam"))
                .contentType("application/x-ndjson").body(sample("ga4-events_20261120.json"))
                .post(GA4)
                .then().statusCode(403);
    }
}
