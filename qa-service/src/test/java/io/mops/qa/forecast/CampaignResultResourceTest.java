package io.mops.qa.forecast;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
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
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(MopsInfra.class)
class CampaignResultResourceTest {

    private static final String PATH = "/qa/campaign-results";
    private static final String FORECAST = "findings.findAll { it.ruleId == 'forecast.performance' }";

    private static Map<String, Object> result(String channel, String audience, long exposures, long clicks,
                                              long conversions) {
        Map<String, Object> body = new HashMap<>();
        body.put("campaignId", "done-" + UUID.randomUUID().toString().substring(0, 12));
        body.put("channel", channel);
        body.put("targeting", List.of(audience));
        body.put("exposures", exposures);
        body.put("clicks", clicks);
        body.put("conversions", conversions);
        body.put("endedOn", "2026-10-31");
        return body;
    }

    private static ValidatableResponse record(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(PATH).then();
    }

    /**
     * A rule set of the test's own from the bundled default, with a channel of the test's own: an email channel
     * under a fresh key, so that the results other tests (or earlier runs on the same database) recorded never reach
     * this test's forecast, and its results never reach theirs.
     */
    private static OwnChannel publishRuleSetWithOwnChannel() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "forecast-test-" + suffix;
        String channel = "email-forecast-" + suffix;
        try (var in = CampaignResultResourceTest.class.getClassLoader().getResourceAsStream("rules/mops-default.json")) {
            ObjectNode document = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
            document.put("name", name);
            ((ObjectNode) document.get("channels")).putObject(channel).put("creative", "email")
                    .putArray("utmMediums").add("email");
            given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON).body(document.toString())
                    .post("/qa/rule-sets").then().statusCode(201);
        }
        return new OwnChannel(name, channel);
    }

    private record OwnChannel(String ruleSet, String channel) {
    }

    /** The email sample as a campaign of the test's own channel and audience. */
    private static ObjectNode campaignOn(OwnChannel own, String audience) {
        ObjectNode campaign = sample("good-email-black-friday-us");
        campaign.put("channel", own.channel());
        ((ObjectNode) campaign.get("audience")).putArray("targeting").add(audience);
        return campaign;
    }

    private static ValidatableResponse run(OwnChannel own, ObjectNode campaign) {
        return given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                .queryParam("ruleSet", own.ruleSet()).body(campaign).post("/qa/runs").then();
    }

    @Test
    void aChannelTeamRecordsItsOwnResultsButNotAnotherChannels() {
        String audience = "segment:own-" + UUID.randomUUID();
        record(Tokens.serviceAccount("channel-email"), result("email", audience, 20_000, 600, 30))
                .statusCode(201)
                .body("audience", equalTo(audience))
                .body("recordedBy", equalTo("service-account-channel-email"));
        record(Tokens.serviceAccount("channel-search"), result("email", audience, 20_000, 600, 30)).statusCode(403);
        given().auth().oauth2(Tokens.serviceAccount("channel-email")).get(PATH + "?channel=email")
                .then().statusCode(200).body("audience", hasItem(audience));
        given().auth().oauth2(Tokens.serviceAccount("channel-search")).get(PATH + "?channel=email")
                .then().statusCode(403);
    }

    @Test
    void impossibleCountsAreA400NamingTheField() {
        record(Tokens.user("carol"), result("email", "segment:x", 1000, 1001, 0))
                .statusCode(400).contentType("application/problem+json")
                .body(containsString("clicks"));
        record(Tokens.user("carol"), result("email", "segment:x", 1000, 10, 11))
                .statusCode(400).body(containsString("conversions"));
        Map<String, Object> negative = result("email", "segment:x", -5, 0, 0);
        record(Tokens.user("carol"), negative).statusCode(400).body(containsString("exposures"));
    }

    @Test
    void aCampaignsResultsAreRecordedOnce() {
        Map<String, Object> body = result("email", "segment:once-" + UUID.randomUUID(), 1000, 10, 1);
        record(Tokens.user("carol"), body).statusCode(201);
        record(Tokens.user("carol"), body).statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aTargetTheAudiencesHistoryDoesNotSupportIsAWarningWithTheForecast() throws Exception {
        OwnChannel own = publishRuleSetWithOwnChannel();
        String audience = "segment:forecast-" + UUID.randomUUID();
        record(Tokens.user("carol"), result(own.channel(), audience, 40_000, 1_200, 60)).statusCode(201);
        record(Tokens.user("carol"), result(own.channel(), audience, 60_000, 1_800, 90)).statusCode(201);

        ObjectNode campaign = campaignOn(own, audience);
        campaign.putObject("targets").put("clickRate", 0.25).put("conversionRate", 0.01);

        // Two campaigns at 3.00 % are all the channel knows: the forecast is 3.00 %, a target of 25 % is a warning.
        run(own, campaign).statusCode(201)
                .body("verdict", equalTo("needs-approval"))
                .body(FORECAST, hasSize(2))
                .body(FORECAST + ".find { it.severity == 'info' }.message",
                        containsString("from 2 past campaigns reaching audience '" + audience + "'"))
                .body(FORECAST + ".find { it.severity == 'info' }.message",
                        containsString("for a campaign of 184,000 exposures (the audience size)"))
                .body(FORECAST + ".find { it.severity == 'warn' }.field", equalTo("targets.clickRate"))
                .body(FORECAST + ".find { it.severity == 'warn' }.message", startsWith("the forecast click rate 3.00%"))
                .body(FORECAST + ".find { it.severity == 'warn' }.message",
                        containsString("misses the target 25.00%; chance of reaching it 0.0"));
    }

    @Test
    void theForecastIsForThePlannedExposuresWhenTheSubmissionGivesThem() throws Exception {
        OwnChannel own = publishRuleSetWithOwnChannel();
        String audience = "segment:planned-" + UUID.randomUUID();
        record(Tokens.user("carol"), result(own.channel(), audience, 40_000, 1_200, 60)).statusCode(201);

        ObjectNode campaign = campaignOn(own, audience);
        campaign.putObject("targets").put("plannedExposures", 25_000);
        run(own, campaign).statusCode(201)
                .body(FORECAST, hasSize(1))
                .body(FORECAST + "[0].message", containsString("for a campaign of 25,000 exposures (the planned exposures)"));

        campaign.putObject("targets").put("plannedExposures", 0);
        run(own, campaign).statusCode(400).contentType("application/problem+json")
                .body(containsString("targets.plannedExposures"));
    }

    @Test
    void theRunCountsDistinctIssuesBehindItsRiskIndex() throws Exception {
        OwnChannel own = publishRuleSetWithOwnChannel();
        String audience = "segment:issues-" + UUID.randomUUID();
        record(Tokens.user("carol"), result(own.channel(), audience, 40_000, 1_200, 60)).statusCode(201);
        ObjectNode campaign = campaignOn(own, audience);
        campaign.putObject("targets").put("clickRate", 0.25).put("conversionRate", 0.5);

        int withoutTargets = run(own, campaignOn(own, audience)).statusCode(201)
                .body(FORECAST, hasSize(1)).extract().path("distinctIssues");
        // Both targets missed: two more findings of the forecast rule, at one severity, so one more issue.
        run(own, campaign).statusCode(201)
                .body(FORECAST, hasSize(3))
                .body("distinctIssues", equalTo(withoutTargets + 1));
    }

    @Test
    void aTargetOutsideZeroToOneIsA400() {
        ObjectNode campaign = sample("good-email-black-friday-us");
        campaign.putObject("targets").put("clickRate", 1.5);
        given().auth().oauth2(Tokens.serviceAccount("channel-email")).contentType(ContentType.JSON).body(campaign)
                .post("/qa/runs").then().statusCode(400).body(containsString("targets.clickRate"));
    }
}
