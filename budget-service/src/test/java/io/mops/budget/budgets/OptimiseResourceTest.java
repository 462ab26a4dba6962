package io.mops.budget.budgets;

import io.mops.budget.curve.ResponseCurve;
import io.mops.budget.signal.SignalFixtures;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mops.budget.budgets.Budgets.PLANS;
import static io.mops.budget.budgets.Budgets.createPlan;
import static io.mops.budget.budgets.Budgets.december;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(MopsInfra.class)
class OptimiseResourceTest {

    private final TestDatabase db = TestDatabase.named("mops_budget_test");

    @Test
    void theProposalMovesMoneyTowardTheBetterMarginalReturnWithinTheGuardrails() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String strong = "strong-" + suffix;
        String weak = "weak-" + suffix;
        String unknown = "new-" + suffix;
        // Weekly curves; December's 3,100 is 700 a week, where the strong channel returns more per euro.
        SignalFixtures.weeklyHistory(db, strong, new ResponseCurve(0.3, 4200, 1050, 1.0), 1, "EUR", 60);
        SignalFixtures.weeklyHistory(db, weak, new ResponseCurve(0.3, 1050, 1050, 1.0), 2, "EUR", 60);
        String planId = createPlan(december("10000", Map.of(strong, "3100", weak, "3100", unknown, "1000")));

        JsonPath proposal = given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                .body(Map.of("maxChangePercent", 20))
                .post(PLANS + "/" + planId + "/optimise")
                .then().statusCode(200).extract().jsonPath();

        assertEquals(6200.0f, proposal.getFloat("total"), 0.001, "the held channel's money is not moved");
        assertEquals(List.of(unknown), proposal.getList("held.channel"));
        Map<String, Object> strongMove = proposal.getMap("channels.find { it.channel == '" + strong + "' }");
        Map<String, Object> weakMove = proposal.getMap("channels.find { it.channel == '" + weak + "' }");
        assertEquals(3720.0f, ((Number) strongMove.get("spendAfter")).floatValue(), 0.001, "+20 %");
        assertEquals("AT_MAX_INCREASE", strongMove.get("limit"));
        assertEquals(2480.0f, ((Number) weakMove.get("spendAfter")).floatValue(), 0.001, "-20 %");
        assertTrue(((Number) strongMove.get("marginalReturnBefore")).doubleValue()
                > ((Number) weakMove.get("marginalReturnBefore")).doubleValue());
        assertTrue(proposal.getDouble("expectedOutcomeChange") > 0);
        assertTrue(proposal.getDouble("expectedOutcomeChangeStandardError") >= 0);
        assertTrue(((Number) ((Map<?, ?>) strongMove.get("curve")).get("rSquared")).doubleValue() > 0.99);
    }

    @Test
    void aGuardrailForAChannelOutsideThePlanIsRefusedNamingIt() {
        String planId = createPlan(december("1000", Map.of("search", "500")));
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                .body(Map.of("channels", Map.of("video", Map.of("locked", true))))
                .post(PLANS + "/" + planId + "/optimise")
                .then().statusCode(400).body("violations[0].field", org.hamcrest.Matchers.equalTo("channels.video"));
    }

    @Test
    void onlyTheCoeMayAskForAProposal() {
        String planId = createPlan(december("1000", Map.of("search", "500")));
        given().auth().oauth2(Tokens.serviceAccount("channel-search")).contentType(ContentType.JSON)
                .body(Map.of()).post(PLANS + "/" + planId + "/optimise")
                .then().statusCode(403);
    }
}
