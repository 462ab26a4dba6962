package io.mops.qa.forecast;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mops.qa.SampleSubmissions.sample;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(MopsInfra.class)
class TrackRecordResourceTest {

    private static final String PATH = "/qa/track-record";
    private static final JsonPathConfig DOUBLES = JsonPathConfig.jsonPathConfig()
            .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE);

    private static String coe() {
        return Tokens.user("carol");
    }

    private static JsonPath trackRecord(String token, Map<String, String> query) {
        return given().auth().oauth2(token).queryParams(query).get(PATH)
                .then().statusCode(200).extract().jsonPath().using(DOUBLES);
    }

    private static void recordResult(String token, String campaignId, String channel, String audience,
                                     long exposures, long clicks, long conversions) {
        Map<String, Object> body = new HashMap<>();
        body.put("campaignId", campaignId);
        body.put("channel", channel);
        body.put("targeting", List.of(audience));
        body.put("exposures", exposures);
        body.put("clicks", clicks);
        body.put("conversions", conversions);
        body.put("endedOn", "2026-10-31");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/qa/campaign-results")
                .then().statusCode(201);
    }

    /**
     * A rule set with an email channel of the test's own, so that only the results this test records reach its
     * forecasts (as in {@link CampaignResultResourceTest}).
     */
    private static String[] publishRuleSetWithOwnChannel() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "track-test-" + suffix;
        String channel = "email-track-" + suffix;
        try (var in = TrackRecordResourceTest.class.getClassLoader().getResourceAsStream("rules/mops-default.json")) {
            ObjectNode document = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
            document.put("name", name);
            ((ObjectNode) document.get("channels")).putObject(channel).put("creative", "email")
                    .putArray("utmMediums").add("email");
            given().auth().oauth2(coe()).contentType(ContentType.JSON).body(document.toString())
                    .post("/qa/rule-sets").then().statusCode(201);
        }
        return new String[] {name, channel};
    }

    private static String run(String token, String ruleSet, String campaignId, String channel, String audience) {
        ObjectNode campaign = sample("good-email-black-friday-us");
        campaign.put("campaignId", campaignId);
        campaign.put("channel", channel);
        ((ObjectNode) campaign.get("audience")).putArray("targeting").add(audience);
        campaign.putObject("targets").put("plannedExposures", 25_000);
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(campaign);
        if (ruleSet != null) {
            request.queryParam("ruleSet", ruleSet);
        }
        return request.post("/qa/runs").then().statusCode(201).extract().path("id");
    }

    @Test
    void aRunsRateForecastsGetTheRatesTheCampaignReported() throws Exception {
        String[] own = publishRuleSetWithOwnChannel();
        String ruleSet = own[0];
        String channel = own[1];
        String audience = "segment:track-" + UUID.randomUUID();
        // Two past campaigns at 3 % click rate and 5 % conversion rate are all the channel knows.
        recordResult(coe(), "track-past-" + UUID.randomUUID(), channel, audience, 40_000, 1_200, 60);
        recordResult(coe(), "track-past-" + UUID.randomUUID(), channel, audience, 60_000, 1_800, 90);

        String campaign = "track-" + UUID.randomUUID();
        String firstRun = run(coe(), ruleSet, campaign, channel, audience);
        String lastRun = run(coe(), ruleSet, campaign, channel, audience);

        JsonPath pending = trackRecord(coe(), Map.of("campaignId", campaign));
        assertEquals(4, pending.getList("decisions").size(), "two rates for each of the two runs");
        String lastClicks = "decisions.find { it.id == '" + lastRun + ":click-rate' }";
        String lastConversions = "decisions.find { it.id == '" + lastRun + ":conversion-rate' }";
        // Every past campaign was at 3 % and 5 %: the expected rates are those, whatever the shrinkage.
        assertEquals(0.03, pending.getDouble(lastClicks + ".forecast.value"), 1e-4);
        assertEquals(0.05, pending.getDouble(lastConversions + ".forecast.value"), 1e-4);
        assertEquals("CLICK_RATE", pending.getString(lastClicks + ".kind"));
        assertEquals(List.of(channel), pending.getList(lastClicks + ".channels"));
        assertTrue(pending.getString(lastClicks + ".what").contains("25,000 planned exposures"),
                pending.getString(lastClicks + ".what"));
        assertNull(pending.get(lastClicks + ".realised"));
        assertEquals(0, pending.getInt("calibration.realised"));
        assertEquals(4, pending.getInt("calibration.pending"));

        // The campaign reports 700 clicks of 20,000 exposures and 30 conversions: by hand 3.5 % and 30/700.
        recordResult(coe(), campaign, channel, audience, 20_000, 700, 30);
        double clickRate = 700.0 / 20_000;
        double conversionRate = 30.0 / 700;

        JsonPath done = trackRecord(coe(), Map.of("campaignId", campaign, "channel", channel));
        for (String run : List.of(firstRun, lastRun)) {
            assertEquals(clickRate, done.getDouble("decisions.find { it.id == '" + run + ":click-rate' }.realised"),
                    1e-12);
            assertEquals(conversionRate, done.getDouble(
                    "decisions.find { it.id == '" + run + ":conversion-rate' }.realised"), 1e-12);
        }
        assertNotNull(done.get(lastClicks + ".realisedAt"));
        assertEquals("700 clicks of 20,000 exposures (the forecast was for 25,000)",
                done.getString(lastClicks + ".basis"));
        assertTrue(done.getString("decisions.find { it.id == '" + firstRun + ":click-rate' }.basis")
                .contains("not counted"));
        // Only the last run's two forecasts count.
        assertEquals(2, done.getInt("calibration.realised"));
        assertEquals(0, done.getInt("calibration.pending"));
        int inside = 0;
        double errors = 0;
        for (var entry : List.of(Map.entry(lastClicks, clickRate), Map.entry(lastConversions, conversionRate))) {
            double low = done.getDouble(entry.getKey() + ".forecast.low");
            double high = done.getDouble(entry.getKey() + ".forecast.high");
            inside += entry.getValue() >= low && entry.getValue() <= high ? 1 : 0;
            errors += entry.getValue() - done.getDouble(entry.getKey() + ".forecast.value");
        }
        assertEquals(inside / 2.0, done.getDouble("calibration.shareInsideInterval"), 1e-12);
        assertEquals(errors / 2, done.getDouble("calibration.meanError"), 1e-12);

        // A run after the results knew the outcome: it is kept, but neither realised nor counted.
        String lateRun = run(coe(), ruleSet, campaign, channel, audience);
        JsonPath late = trackRecord(coe(), Map.of("campaignId", campaign));
        assertEquals(6, late.getList("decisions").size());
        assertNull(late.get("decisions.find { it.id == '" + lateRun + ":click-rate' }.realised"));
        assertTrue(late.getString("decisions.find { it.id == '" + lateRun + ":click-rate' }.basis")
                .contains("already recorded"));
        assertEquals(2, late.getInt("calibration.realised"));
        assertEquals(0, late.getInt("calibration.pending"));
    }

    @Test
    void aChannelTeamSeesOnlyItsOwnChannelsForecasts() throws Exception {
        String[] own = publishRuleSetWithOwnChannel();
        String audience = "segment:track-scope-" + UUID.randomUUID();
        recordResult(coe(), "track-past-" + UUID.randomUUID(), own[1], audience, 40_000, 1_200, 60);
        String otherCampaign = "track-other-" + UUID.randomUUID();
        String otherRun = run(coe(), own[0], otherCampaign, own[1], audience);

        String email = Tokens.serviceAccount("channel-email");
        recordResult(email, "track-past-" + UUID.randomUUID(), "email", audience, 30_000, 900, 45);
        String emailCampaign = "track-email-" + UUID.randomUUID();
        String emailRun = run(email, null, emailCampaign, "email", audience);

        JsonPath mine = trackRecord(email, Map.of("campaignId", emailCampaign));
        assertEquals(2, mine.getList("decisions").size());
        assertTrue(mine.getList("decisions.id").contains(emailRun + ":click-rate"));
        assertEquals(List.of(), trackRecord(email, Map.of("campaignId", otherCampaign)).getList("decisions"));
        JsonPath everything = trackRecord(email, Map.of());
        assertFalse(everything.getList("decisions.id").contains(otherRun + ":click-rate"));
        assertTrue(everything.getList("decisions.channels").stream().allMatch(List.of("email")::equals));
        assertEquals(2, trackRecord(coe(), Map.of("campaignId", otherCampaign)).getList("decisions").size());

        given().auth().oauth2(email).queryParam("channel", own[1]).get(PATH)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("'" + own[1] + "'"));
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        given().auth().oauth2(coe()).queryParam("from", "yesterday").get(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("from"));
        given().auth().oauth2(coe()).queryParam("to", "2026-13-01").get(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("to"));
        given().auth().oauth2(coe()).queryParam("from", "2026-11-02").queryParam("to", "2026-11-01").get(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("to"));
        given().auth().oauth2(coe()).queryParam("channel", "Email!").get(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("channel")));
        given().auth().oauth2(coe()).queryParam("campaignId", "no spaces").get(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("campaignId")));
    }
}
