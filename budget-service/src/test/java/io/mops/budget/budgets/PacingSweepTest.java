package io.mops.budget.budgets;

import io.mops.common.events.Topics;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TopicTap;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static io.mops.budget.budgets.Budgets.createCampaign;
import static io.mops.budget.budgets.Budgets.createPlan;
import static io.mops.budget.budgets.Budgets.december;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(MopsInfra.class)
class PacingSweepTest {

    static final String SEARCH = Tokens.serviceAccount("channel-search");

    @Inject
    PacingSweep sweep;

    /** The sweep runs on a Vert.x context, as the scheduler runs it. */
    private int sweepAsOf(LocalDate day) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> sweep.sweep(day));
    }

    @Test
    void aCampaignThatStopsSpendingIsFoundUnderpacingOnce() throws Throwable {
        Map<String, Object> draft = new HashMap<>(december("10000", Map.of("search", "4000")));
        draft.remove("month");
        draft.put("periodStart", "2027-03-01");
        draft.put("periodEnd", "2027-03-30");
        String campaign = createCampaign(createPlan(draft), SEARCH, "search", "3000");
        // 200 by day 2 of 30 is on pace for 3,000 ...
        given().auth().oauth2(SEARCH).contentType(ContentType.JSON)
                .body(Map.of("day", "2027-03-02", "amount", "200", "currency", "EUR"))
                .post("/budget/campaigns/" + campaign + "/spend")
                .then().statusCode(201).body("pacing.state", equalTo("ON_PACE"));

        try (TopicTap events = TopicTap.open(Topics.BUDGET_EVENTS)) {
            // ... and, with nothing more spent, far behind by day 20: 200 / (20/30) projects 300.
            assertTrue(sweepAsOf(LocalDate.of(2027, 3, 20)) >= 1);
            ConsumerRecord<String, String> alert = events.await(r -> ("campaign:" + campaign).equals(r.key())
                    && r.value().contains("\"BudgetPacingAlert\""), Duration.ofSeconds(30));
            assertTrue(alert.value().contains("\"pacing\":\"UNDERPACING\""), alert.value());
            assertTrue(alert.value().contains("\"projectedSpend\":300"), alert.value());

            sweepAsOf(LocalDate.of(2027, 3, 21));
            long alerts = events.collect(r -> ("campaign:" + campaign).equals(r.key())
                    && r.value().contains("\"BudgetPacingAlert\""), Duration.ofSeconds(3)).size();
            assertEquals(1, alerts, "a campaign that stays behind is announced once");
        }
        given().auth().oauth2(SEARCH).get("/budget/campaigns/" + campaign)
                .then().body("pacing", equalTo("UNDERPACING"));
    }
}
