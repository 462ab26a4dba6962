package io.mops.budget.budgets;

import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.mops.budget.budgets.Budgets.PLANS;
import static io.mops.budget.budgets.Budgets.createPlan;
import static io.mops.budget.budgets.Budgets.december;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(MopsInfra.class)
class PlanResourceTest {

    private final TestDatabase db = TestDatabase.named("mops_budget_test");

    private static io.restassured.specification.RequestSpecification asCoe() {
        return given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON);
    }

    @Test
    void theCoeCreatesAMonthlyPlanWithChannelAllocations() {
        asCoe().body(december("10000", Map.of("search", "4000", "social", "3000"))).post(PLANS)
                .then().statusCode(201)
                .body("periodStart", equalTo("2026-12-01"))
                .body("periodEnd", equalTo("2026-12-31"))
                .body("allocated", equalTo(7000.0f))
                .body("unallocated", equalTo(3000.0f))
                .body("pacing", equalTo("EVEN"))
                .body("channels.channel", contains("search", "social"));
    }

    @Test
    void aCustomPeriodThatEndsBeforeItStartsIsRefusedNamingTheEnd() {
        Map<String, Object> draft = december("1000", Map.of());
        draft.remove("month");
        draft.put("periodStart", "2026-12-10");
        draft.put("periodEnd", "2026-12-01");
        asCoe().body(draft).post(PLANS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("periodEnd"));
    }

    @Test
    void allocationsAboveTheTotalAreRefusedAndNothingIsStored() {
        String name = "over-" + UUID.randomUUID();
        Map<String, Object> draft = december("1000", Map.of("search", "600", "social", "400.01"));
        draft.put("name", name);
        asCoe().body(draft).post(PLANS)
                .then().statusCode(400).body("violations[0].field", equalTo("allocations"));
        assertEquals(0, db.count("select count(*) from budget_plan where name = ?", name));
    }

    @Test
    void anUnknownCurrencyIsRefusedNamingTheCurrency() {
        Map<String, Object> draft = december("1000", Map.of());
        draft.put("currency", "EUX");
        asCoe().body(draft).post(PLANS).then().statusCode(400).body("violations[0].field", equalTo("currency"));
    }

    @Test
    void aNonNumericTotalIsRefusedNamingTheTotal() {
        asCoe().body(december("lots", Map.of())).post(PLANS)
                .then().statusCode(400).body("violations[0].field", equalTo("total"));
    }

    @Test
    void aNegativeAllocationIsRefused() {
        asCoe().body(december("1000", Map.of("search", "-1"))).post(PLANS).then().statusCode(400);
    }

    @Test
    void anAmountFinerThanACentIsRefusedNamingTheField() {
        asCoe().body(december("1000.001", Map.of())).post(PLANS)
                .then().statusCode(400).body("violations[0].field", equalTo("total"));
    }

    @Test
    void aChannelTeamCannotCreateAPlan() {
        given().auth().oauth2(Tokens.serviceAccount("channel-search")).contentType(ContentType.JSON)
                .body(december("1000", Map.of())).post(PLANS)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aChannelTeamSeesOnlyItsOwnChannelsAllocation() {
        String id = createPlan(december("10000", Map.of("search", "4000", "social", "3000")));
        given().auth().oauth2(Tokens.serviceAccount("channel-search")).get(PLANS + "/" + id)
                .then().statusCode(200).body("channels.channel", contains("search"));
        given().auth().oauth2(Tokens.user("carol")).get(PLANS + "/" + id)
                .then().statusCode(200).body("channels.channel", contains("search", "social"));
    }

    @Test
    void anUnknownPlanIsNotFound() {
        given().auth().oauth2(Tokens.user("carol")).get(PLANS + "/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aReallocationAboveTheTotalIsRefusedWhole() {
        String id = createPlan(december("1000", Map.of("search", "500", "social", "500")));
        asCoe().body(Map.of("allocations", Map.of("search", "200", "social", "900")))
                .put(PLANS + "/" + id + "/allocations")
                .then().statusCode(400).body("violations[0].field", equalTo("allocations"));
        given().auth().oauth2(Tokens.user("carol")).get(PLANS + "/" + id)
                .then().body("channels.allocation", contains(500.0f, 500.0f));
    }

    @Test
    void theTotalCannotShrinkBelowWhatTheChannelsHold() {
        String id = createPlan(december("1000", Map.of("search", "600")));
        asCoe().body(Map.of("total", "599.99")).put(PLANS + "/" + id + "/total")
                .then().statusCode(400).body("violations[0].field", equalTo("allocations"));
        asCoe().body(Map.of("total", "600")).put(PLANS + "/" + id + "/total")
                .then().statusCode(200).body("total", equalTo(600.0f)).body("unallocated", equalTo(0.0f));
        given().auth().oauth2(Tokens.serviceAccount("channel-search")).contentType(ContentType.JSON)
                .body(Map.of("total", "5000")).put(PLANS + "/" + id + "/total").then().statusCode(403);
    }

    @Test
    void aChangeBasedOnAnOldVersionIsAConflict() {
        String id = createPlan(december("1000", Map.of("search", "500")));
        int version = given().auth().oauth2(Tokens.user("carol")).get(PLANS + "/" + id).then().extract().path("version");
        asCoe().body(Map.of("allocations", Map.of("search", "400"), "expectedVersion", version))
                .put(PLANS + "/" + id + "/allocations").then().statusCode(200);
        asCoe().body(Map.of("allocations", Map.of("search", "300"), "expectedVersion", version))
                .put(PLANS + "/" + id + "/allocations").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void parallelReallocationsNeverAllocateMoreThanTheTotal() throws Exception {
        // Twelve channels hold 50 each (600 of 1,000). Raising any one to 450 fits exactly; any two together do not.
        Map<String, Object> allocations = new HashMap<>();
        List<String> channels = new ArrayList<>();
        for (char c = 'a'; c < 'a' + 12; c++) {
            channels.add("channel-" + c);
            allocations.put("channel-" + c, "50");
        }
        String id = createPlan(december("1000", allocations));
        List<Callable<Integer>> moves = new ArrayList<>();
        for (String channel : channels) {
            moves.add(() -> asCoe().body(Map.of("allocations", Map.of(channel, "450")))
                    .put(PLANS + "/" + id + "/allocations").then().extract().statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(moves.size());
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> status : pool.invokeAll(moves)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdown();
        }
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 400 || s == 409), statuses.toString());
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "exactly one move fits: " + statuses);
        UUID plan = UUID.fromString(id);
        assertEquals(1000, db.count("select sum(amount)::bigint from channel_allocation where plan_id = ?", plan));
        assertEquals(1, db.count("select count(*) from channel_allocation where plan_id = ? and amount = 450", plan));
    }

    /** Three plans of this test's own (found by a name no other test uses) in two currencies and three periods. */
    private static String listedPlans() {
        String tag = "listed-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> december = december("10000", Map.of("search", "4000", "social", "3000"));
        december.put("name", tag + " December");
        createPlan(december);
        Map<String, Object> week = december("2000", Map.of("email", "500"));
        week.remove("month");
        week.put("name", tag + " Christmas week");
        week.put("currency", "USD");
        week.put("periodStart", "2026-12-20");
        week.put("periodEnd", "2026-12-27");
        createPlan(week);
        Map<String, Object> november = december("5000", Map.of("social", "1000"));
        november.put("name", tag + " November");
        november.put("month", "2026-11");
        createPlan(november);
        return tag;
    }

    private static List<String> names(String token, Map<String, Object> query) {
        return given().auth().oauth2(token).queryParams(query).get(PLANS)
                .then().statusCode(200).extract().jsonPath().getList("name");
    }

    @Test
    void plansAreListedNewestPeriodFirstAndFilteredByCurrencyDayAndChannel() {
        String tag = listedPlans();
        String carol = Tokens.user("carol");
        assertEquals(List.of(tag + " Christmas week", tag + " December", tag + " November"),
                names(carol, Map.of("name", tag)));
        assertEquals(List.of(tag + " Christmas week"), names(carol, Map.of("name", tag, "currency", "USD")));
        assertEquals(List.of(tag + " Christmas week", tag + " December"),
                names(carol, Map.of("name", tag.toUpperCase(), "activeOn", "2026-12-27")));
        assertEquals(List.of(tag + " December"), names(carol, Map.of("name", tag, "activeOn", "2026-12-19")));
        assertEquals(List.of(tag + " November"), names(carol, Map.of("name", tag, "activeOn", "2026-11-30")));
        given().auth().oauth2(carol).queryParam("name", tag).queryParam("channel", "social").get(PLANS)
                .then().statusCode(200)
                .body("name", contains(tag + " December", tag + " November"))
                .body("channels.flatten().channel", everyItem(equalTo("social")))
                .body("find { it.name.endsWith('December') }.total", equalTo(10000.0f))
                .body("find { it.name.endsWith('December') }.allocated", equalTo(7000.0f));
    }

    @Test
    void plansAreListedInPagesThatNeverOverlap() {
        String tag = listedPlans();
        String carol = Tokens.user("carol");
        assertEquals(List.of(tag + " Christmas week", tag + " December"),
                names(carol, Map.of("name", tag, "limit", 2, "page", 0)));
        assertEquals(List.of(tag + " November"), names(carol, Map.of("name", tag, "limit", 2, "page", 1)));
        assertEquals(List.of(), names(carol, Map.of("name", tag, "limit", 2, "page", 2)));
    }

    @Test
    void aChannelTeamListsOnlyPlansThatFundItsChannelAndSeesOnlyItsOwnAllocation() {
        String tag = listedPlans();
        given().auth().oauth2(Tokens.serviceAccount("channel-search")).queryParam("name", tag).get(PLANS)
                .then().statusCode(200)
                .body("name", contains(tag + " December"))
                .body("[0].channels.channel", contains("search"))
                .body("[0].channels[0].allocation", equalTo(4000.0f));
        given().auth().oauth2(Tokens.serviceAccount("channel-search")).queryParam("channel", "social").get(PLANS)
                .then().statusCode(403);
    }

    @Test
    void aMalformedPlanFilterIsA400() {
        String carol = Tokens.user("carol");
        given().auth().oauth2(carol).queryParam("currency", "eur").get(PLANS)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(carol).queryParam("activeOn", "07.12.2026").get(PLANS)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(carol).queryParam("limit", 0).get(PLANS)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("alice")).get(PLANS).then().statusCode(403);
        given().get(PLANS).then().statusCode(401);
    }

    @Test
    void thePacingShowsSpendAgainstPlanDayByDayAndAChannelTeamOnlyItsOwnChannel() {
        Map<String, Object> draft = december("3000", Map.of("search", "1500", "social", "900"));
        draft.remove("month");
        draft.put("name", "pacing-" + UUID.randomUUID());
        draft.put("periodStart", "2025-11-01");
        draft.put("periodEnd", "2025-11-30");
        String plan = createPlan(draft);
        String search = Tokens.serviceAccount("channel-search");
        String social = Tokens.serviceAccount("channel-social");
        String searchCampaign = Budgets.createCampaign(plan, search, "search", "1000");
        String socialCampaign = Budgets.createCampaign(plan, social, "social", "500");
        spend(searchCampaign, search, "2025-11-02", "100");
        spend(socialCampaign, social, "2025-11-02", "50");
        spend(searchCampaign, search, "2025-11-10", "20");

        // Even pacing over 30 days: a thirtieth of the budget per day; spend is cumulative.
        asCoe().get(PLANS + "/" + plan + "/pacing").then().statusCode(200)
                .body("budget", equalTo(3000.0f))
                .body("days.size()", equalTo(30))
                .body("days[9].day", equalTo("2025-11-10"))
                .body("days[9].planned", equalTo(1000.0f))
                .body("days[0].spent", equalTo(0))
                .body("days[1].spent", equalTo(150.0f))
                .body("days[9].spent", equalTo(170.0f))
                .body("days[29].planned", equalTo(3000.0f))
                .body("spentToDate", equalTo(170.0f));
        given().auth().oauth2(search).get(PLANS + "/" + plan + "/pacing").then().statusCode(200)
                .body("channel", equalTo("search"))
                .body("budget", equalTo(1500.0f))
                .body("days[9].planned", equalTo(500.0f))
                .body("days[9].spent", equalTo(120.0f));
        given().auth().oauth2(search).queryParam("channel", "social").get(PLANS + "/" + plan + "/pacing")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.user("alice")).get(PLANS + "/" + plan + "/pacing").then().statusCode(403);
        asCoe().get(PLANS + "/" + UUID.randomUUID() + "/pacing").then().statusCode(404);
    }

    private static void spend(String campaign, String token, String day, String amount) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("day", day, "amount", amount, "currency", "EUR"))
                .post("/budget/campaigns/" + campaign + "/spend").then().statusCode(201);
    }
}
