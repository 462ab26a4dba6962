package io.mops.budget.budgets;

import io.mops.common.events.Topics;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.TopicTap;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.mops.budget.budgets.Budgets.PLANS;
import static io.mops.budget.budgets.Budgets.createCampaign;
import static io.mops.budget.budgets.Budgets.createPlan;
import static io.mops.budget.budgets.Budgets.december;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(MopsInfra.class)
class CampaignResourceTest {

    static final String SEARCH = Tokens.serviceAccount("channel-search");
    static final String SOCIAL = Tokens.serviceAccount("channel-social");

    private final TestDatabase db = TestDatabase.named("mops_budget_test");
    private String planId;

    @BeforeEach
    void planWithSearchAndSocial() {
        planId = createPlan(december("10000", Map.of("search", "4000", "social", "3000")));
    }

    private static Map<String, Object> spend(String day, Object amount, String currency) {
        return Map.of("day", day, "amount", amount, "currency", currency);
    }

    private static io.restassured.response.ValidatableResponse postSpend(String campaign, String token,
                                                                        Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/budget/campaigns/" + campaign + "/spend").then();
    }

    @Test
    void aChannelTeamBudgetsACampaignOfItsOwnChannel() {
        given().auth().oauth2(SEARCH).contentType(ContentType.JSON)
                .body(Map.of("channel", "search", "name", "Brand terms", "amount", "2500"))
                .post(PLANS + "/" + planId + "/campaigns")
                .then().statusCode(201).body("status", equalTo("ACTIVE")).body("remaining", equalTo(2500.0f));
    }

    @Test
    void aChannelTeamCannotBudgetAnotherChannelsCampaign() {
        given().auth().oauth2(SEARCH).contentType(ContentType.JSON)
                .body(Map.of("channel", "social", "name", "Stories", "amount", "100"))
                .post(PLANS + "/" + planId + "/campaigns")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void campaignsCannotHoldMoreThanTheirChannel() {
        createCampaign(planId, SEARCH, "search", "3000");
        given().auth().oauth2(SEARCH).contentType(ContentType.JSON)
                .body(Map.of("channel", "search", "name", "Generic terms", "amount", "1000.01"))
                .post(PLANS + "/" + planId + "/campaigns")
                .then().statusCode(400).body("violations[0].field", equalTo("amount"));
    }

    @Test
    void aChannelTeamSeesAndEditsOnlyItsOwnChannelsCampaigns() {
        String search = createCampaign(planId, SEARCH, "search", "1000");
        String social = createCampaign(planId, SOCIAL, "social", "1000");
        given().auth().oauth2(SEARCH).get(PLANS + "/" + planId + "/campaigns")
                .then().statusCode(200).body("id", contains(search));
        given().auth().oauth2(SEARCH).get("/budget/campaigns/" + social).then().statusCode(403);
        given().auth().oauth2(SEARCH).contentType(ContentType.JSON).body(Map.of("amount", "10"))
                .put("/budget/campaigns/" + social + "/budget").then().statusCode(403);
        given().auth().oauth2(SEARCH).contentType(ContentType.JSON).body(Map.of("amount", "1500"))
                .put("/budget/campaigns/" + search + "/budget").then().statusCode(200).body("amount", equalTo(1500.0f));
    }

    @Test
    void spendForAnUnknownCampaignIsNotFound() {
        postSpend(UUID.randomUUID().toString(), SEARCH, spend("2026-12-03", "10", "EUR"))
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badSpendIsRefusedNamingTheFieldAndNothingIsRecorded() {
        String campaign = createCampaign(planId, SEARCH, "search", "1000");
        postSpend(campaign, SEARCH, spend("2026-12-03", "-5", "EUR")).statusCode(400)
                .body("violations[0].field", equalTo("amount"));
        postSpend(campaign, SEARCH, spend("2026-12-03", "ten euros", "EUR")).statusCode(400)
                .body("violations[0].field", equalTo("amount"));
        postSpend(campaign, SEARCH, spend("2026-12-03", "10", "EUX")).statusCode(400)
                .body("violations[0].field", equalTo("currency"));
        postSpend(campaign, SEARCH, spend("2026-12-03", "10", "USD")).statusCode(400)
                .body("violations[0].field", equalTo("currency"));
        postSpend(campaign, SEARCH, spend("2027-01-03", "10", "EUR")).statusCode(400)
                .body("violations[0].field", equalTo("day"));
        assertEquals(0, db.count("select count(*) from spend_entry where campaign_id = ?", UUID.fromString(campaign)));
    }

    @Test
    void spendPastTheCapIsFlaggedStopsTheCampaignAndAnnouncesBudgetExhausted() {
        String campaign = createCampaign(planId, SEARCH, "search", "1000");
        try (TopicTap events = TopicTap.open(Topics.BUDGET_EVENTS)) {
            postSpend(campaign, SEARCH, spend("2026-12-30", "900", "EUR")).statusCode(201)
                    .body("overCap", equalTo(false)).body("campaign.status", equalTo("ACTIVE"));
            postSpend(campaign, SEARCH, spend("2026-12-31", "150", "EUR")).statusCode(201)
                    .body("overCap", equalTo(true))
                    .body("overrun", equalTo(50.0f))
                    .body("campaign.status", equalTo("STOPPED"))
                    .body("campaign.spent", equalTo(1050.0f));

            ConsumerRecord<String, String> exhausted = events.await(r -> ("campaign:" + campaign).equals(r.key())
                    && r.value().contains("\"BudgetExhausted\""), Duration.ofSeconds(30));
            assertTrue(exhausted.value().contains("\"overrun\":50"), exhausted.value());
        }
        assertEquals(1, db.count("select count(*) from spend_entry where campaign_id = ? and over_cap",
                UUID.fromString(campaign)));
    }

    @Test
    void spendRunningAheadOfTheCurveAnnouncesAPacingAlertOnce() {
        String campaign = createCampaign(planId, SEARCH, "search", "3100");
        try (TopicTap events = TopicTap.open(Topics.BUDGET_EVENTS)) {
            // Even pacing plans 100 a day; 1,000 by day 3 projects 10,333 for the month.
            postSpend(campaign, SEARCH, spend("2026-12-03", "1000", "EUR")).statusCode(201)
                    .body("pacing.state", equalTo("OVERPACING"))
                    .body("pacing.plannedToDate", equalTo(300.0f));
            postSpend(campaign, SEARCH, spend("2026-12-03", "10", "EUR")).statusCode(201)
                    .body("pacing.state", equalTo("OVERPACING"));

            ConsumerRecord<String, String> alert = events.await(r -> ("campaign:" + campaign).equals(r.key())
                    && r.value().contains("\"BudgetPacingAlert\""), Duration.ofSeconds(30));
            assertTrue(alert.value().contains("\"pacing\":\"OVERPACING\""), alert.value());
            long alerts = events.collect(r -> ("campaign:" + campaign).equals(r.key())
                    && r.value().contains("\"BudgetPacingAlert\""), Duration.ofSeconds(3)).size();
            assertEquals(1, alerts, "a campaign that stays off pace is announced once");
        }
    }
}
