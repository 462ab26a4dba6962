package io.mops.qa.budget;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.mops.qa.SampleSubmissions.sample;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The budget check through the API against {@link BudgetServiceStub}. The search ad sample passes every rule, so the
 * verdict is the budget check's doing; its budget is 25 000 USD.
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
@WithTestResource(BudgetServiceStub.class)
class BudgetCheckApiTest {

    private static final String HELD = "findings.findAll { it.ruleId == 'plan.budget-held' }";
    private static String ruleSet;

    /** A rule set of the test's own from the bundled default: plan.budget-held is on whatever mops-default holds. */
    private static synchronized String ruleSet() throws Exception {
        if (ruleSet == null) {
            String name = "budget-test-" + UUID.randomUUID().toString().substring(0, 8);
            try (var in = BudgetCheckApiTest.class.getClassLoader().getResourceAsStream("rules/mops-default.json")) {
                ObjectNode document = (ObjectNode) new ObjectMapper().readTree(in);
                document.put("name", name);
                given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON).body(document.toString())
                        .post("/qa/rule-sets").then().statusCode(201);
            }
            ruleSet = name;
        }
        return ruleSet;
    }

    private static ValidatableResponse check(String budgetCampaignId) throws Exception {
        ObjectNode campaign = sample("good-search-ad-jackets");
        if (budgetCampaignId != null) {
            campaign.put("budgetCampaignId", budgetCampaignId);
        }
        return given().auth().oauth2(Tokens.serviceAccount("channel-search")).contentType(ContentType.JSON)
                .queryParam("ruleSet", ruleSet()).body(campaign).post("/qa/runs").then().statusCode(201);
    }

    private static int unauthenticatedCalls() {
        String url = ConfigProvider.getConfig().getValue("quarkus.rest-client.budget-service.url", String.class);
        return Integer.parseInt(given().get(url + "/unauthenticated").asString());
    }

    @Test
    void aBudgetWithinWhatBudgetServiceHoldsPassesWithANoteAndTheServiceTokenWasSent() throws Exception {
        check(BudgetServiceStub.SEARCH_30K)
                .body("verdict", equalTo("pass"))
                .body(HELD + ".severity", equalTo(List.of("info")))
                .body(HELD + "[0].message", containsString("within the 30000.00 USD budget-service holds"));
        assertEquals(0, unauthenticatedCalls());
    }

    @Test
    void aBudgetAboveWhatBudgetServiceHoldsIsBlocked() throws Exception {
        ObjectNode campaign = sample("good-search-ad-jackets");
        campaign.put("budgetCampaignId", BudgetServiceStub.SEARCH_30K);
        ((ObjectNode) campaign.get("budget")).put("amount", 30000.01);
        given().auth().oauth2(Tokens.serviceAccount("channel-search")).contentType(ContentType.JSON)
                .queryParam("ruleSet", ruleSet()).body(campaign).post("/qa/runs").then().statusCode(201)
                .body("verdict", equalTo("blocked"))
                .body(HELD + ".severity", equalTo(List.of("block")))
                .body(HELD + "[0].field", equalTo("budget.amount"))
                .body(HELD + "[0].message", containsString("30000.01 USD is more than the 30000.00 USD"));
    }

    @Test
    void aCampaignUnknownToBudgetServiceIsAWarning() throws Exception {
        check(UUID.randomUUID().toString())
                .body("verdict", equalTo("needs-approval"))
                .body(HELD + ".severity", equalTo(List.of("warn")))
                .body(HELD + "[0].message", containsString("budget-service has no campaign"));
    }

    @Test
    void budgetServiceFailingIsAWarningThatTheBudgetWasNotVerifiedNeverACrash() throws Exception {
        check(BudgetServiceStub.FAILING)
                .body("verdict", equalTo("needs-approval"))
                .body(HELD + ".severity", equalTo(List.of("warn")))
                .body(HELD + "[0].message", containsString("budget not verified: budget-service did not answer"));
    }

    @Test
    void anotherChannelsOrAnotherCurrencysBudgetIsNotVerified() throws Exception {
        check(BudgetServiceStub.SOCIAL)
                .body(HELD + ".severity", equalTo(List.of("warn")))
                .body(HELD + "[0].message", containsString("belongs to channel 'social'"));
        check(BudgetServiceStub.SEARCH_EUR)
                .body(HELD + ".severity", equalTo(List.of("warn")))
                .body(HELD + "[0].field", equalTo("budget.currency"));
    }

    @Test
    void aPaidCampaignWithoutABudgetServiceCampaignIsAWarning() throws Exception {
        check(null)
                .body("verdict", equalTo("needs-approval"))
                .body(HELD + ".severity", equalTo(List.of("warn")))
                .body(HELD + "[0].field", equalTo("budgetCampaignId"));
    }
}
