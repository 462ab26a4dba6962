package io.mops.budget.reallocation;

import io.mops.budget.curve.ResponseCurve;
import io.mops.budget.signal.SignalFixtures;
import io.mops.common.events.Topics;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.TestProducer;
import io.mops.testsupport.Tokens;
import io.mops.testsupport.TopicTap;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spend exploration over the real Kafka and database: a channel whose curve the data cannot pin down (spend that only
 * moved ±14 %) beside one whose curve is trusted (spend from 280 to 1,120 a week) — the optimiser can move nothing,
 * so the held channel gets an exploration, set against the trusted one, through the ordinary approval path.
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class ExplorationLoopTest {

    private static final ResponseCurve CURVE = new ResponseCurve(0.3, 4200, 1050, 1.0);
    private static final int HISTORY_WEEKS = 40;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final TestDatabase db = TestDatabase.named("mops_budget_test");

    /** Weekly spend between 600 and 800 (the plan's 3,100 a month is about 700 a week), 5 % noise on the value. */
    private void steadyHistory(String channel, long seed) {
        Random random = new Random(seed);
        double[] spend = new double[HISTORY_WEEKS];
        for (int t = 0; t < spend.length; t++) {
            spend[t] = 600 + 200 * random.nextDouble();
        }
        double[] value = CURVE.predict(spend);
        for (int t = 0; t < value.length; t++) {
            value[t] *= 1 + 0.05 * random.nextGaussian();
        }
        SignalFixtures.weeklySignals(db, channel, "EUR", spend, value);
    }

    private static JsonPath audit(String planId) {
        return given().auth().oauth2(Tokens.user("carol")).queryParam("planId", planId)
                .get("/budget/reallocations").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Float> allocations(String planId) {
        JsonPath plan = given().auth().oauth2(Tokens.user("carol")).get("/budget/plans/" + planId)
                .then().statusCode(200).extract().jsonPath();
        Map<String, Float> allocations = new HashMap<>();
        List<Map<String, Object>> channels = plan.getList("channels");
        channels.forEach(c -> allocations.put((String) c.get("channel"), ((Number) c.get("allocation")).floatValue()));
        return allocations;
    }

    /** Above 100 EUR or 1 % of the total a move waits for people: every exploration step here does. */
    private static void everyMoveNeedsApproval() {
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                .body(Map.of("maxAmountMoved", Map.of("EUR", "100"), "maxPercentOfTotal", "1"))
                .put("/budget/approval-policy").then().statusCode(200);
    }

    /**
     * A plan of 10,000 EUR starting today, so that the whole plan is ahead: the optimiser moves only what is left
     * over the days left.
     */
    private static String planStartingToday(String name, Map<String, String> allocations) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> draft = new HashMap<>();
        draft.put("name", name);
        draft.put("currency", "EUR");
        draft.put("total", "10000");
        draft.put("periodStart", today.toString());
        draft.put("periodEnd", today.plusDays(30).toString());
        draft.put("allocations", allocations);
        return given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON).body(draft)
                .post("/budget/plans").then().statusCode(201).extract().path("id");
    }

    @Test
    void channelsHeldForTheirCurvesAreExploredOnlyWithTheApproversConsent() {
        everyMoveNeedsApproval();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String first = "steady-" + suffix;
        String second = "trusted-" + suffix;
        steadyHistory(first, 11);
        SignalFixtures.weeklyHistory(db, second, CURVE, 12, "EUR", HISTORY_WEEKS);
        String planId = planStartingToday("Exploring " + suffix, Map.of(first, "3100", second, "3100"));

        String proposal;
        try (TopicTap requests = TopicTap.open(Topics.APPROVAL_REQUESTS)) {
            String event = SignalFixtures.event(UUID.randomUUID(), Instant.now(), first, "markov-1", "WEEK",
                    SignalFixtures.HISTORY_START.plusWeeks(HISTORY_WEEKS), 1,
                    BigDecimal.valueOf(CURVE.steadyStateOutcome(700)).setScale(2, RoundingMode.HALF_EVEN)
                            .toPlainString(), "700.00");
            TestProducer.send(Topics.CHANNEL_PERFORMANCE, "channel:" + first, event);
            await().atMost(PATIENCE).until(() -> audit(planId).getList("id").size() == 1);
            proposal = audit(planId).getString("[0].id");
            String id = proposal;
            ConsumerRecord<String, String> asked = requests.await(r -> r.value().contains(id), PATIENCE);
            JsonPath request = JsonPath.from(asked.value());
            // The held channel against the trusted one, equal money: 70 % of 3,100 (below the cap of 40 % of the
            // 10,000 total) goes from one to the other and back, four phases of three weeks, then returns.
            assertEquals(2170.0f, request.getFloat("data.amount"), 0.001);
            assertTrue(request.getString("data.summary").startsWith("Explore " + first + " (step 1 of 5)"),
                    request.getString("data.summary"));
            String explanation = request.getString("data.explanation");
            assertTrue(explanation.startsWith("Exploration, step 1 of 5"), explanation);
            assertTrue(explanation.contains("3 weeks a phase, 4 phases"), explanation);
            assertTrue(explanation.contains(first + ": 3100.00 -> 5270.00 EUR (+2170.00)"), explanation);
            assertTrue(explanation.contains(second + ": 3100.00 -> 930.00 EUR (-2170.00)"), explanation);
            assertTrue(explanation.contains("Why: " + first + ": the data do not pin down its response curve"),
                    explanation);
            assertEquals(0.0, request.getDouble("data.evidence.content.expectedOutcomeChange"));
        }
        JsonPath listed = audit(planId);
        assertEquals("AWAITING_APPROVAL", listed.getString("[0].status"));
        assertEquals(1, listed.getInt("[0].exploration.step"));
        assertEquals(5, listed.getInt("[0].exploration.steps"));
        assertEquals(List.of(first), listed.getList("[0].exploration.channels"));
        assertEquals(Map.of(first, 3100.0f, second, 3100.0f), allocations(planId), "nothing moves before consent");

        String granted = """
                {"id":"%s","type":"ApprovalGranted","version":1,"source":"approval-service","time":"2026-11-25T11:00:00Z",
                 "subject":"plan:%s",
                 "data":{"requestId":"%s","kind":"ReallocationProposal","reference":"%s","approvedBy":["alice"],
                 "comment":"learn them"}}
                """.formatted(UUID.randomUUID(), planId, UUID.randomUUID(), proposal);
        TestProducer.send(Topics.APPROVAL_DECISIONS, "plan:" + planId, granted);
        String id = proposal;
        await().atMost(PATIENCE).until(() -> "APPLIED".equals(audit(planId)
                .getString("find { it.id == '" + id + "' }.status")));
        assertEquals(Map.of(first, 5270.0f, second, 930.0f), allocations(planId));
        assertEquals(0, db.count("select count(*) from move_track_record where proposal_id = ?",
                UUID.fromString(proposal)), "an exploration forecasts no gain and is not in the track record");
    }
    @Test
    void aChannelSwungThroughAWholeExplorationIsNotExploredAgainInThatPlan() {
        everyMoveNeedsApproval();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String swung = "swung-" + suffix;
        String steady = "steady-" + suffix;
        String trusted = "trusted-" + suffix;
        // The same histories as above, where the steady channel was held and explored: both steady ones are held.
        steadyHistory(swung, 11);
        steadyHistory(steady, 11);
        SignalFixtures.weeklyHistory(db, trusted, CURVE, 12, "EUR", HISTORY_WEEKS);
        String planId = planStartingToday("Explored once " + suffix, Map.of(swung, "3100", steady, "3100", trusted, "3100"));
        // An earlier exploration of `swung` ran all its phases and returned (its last step applied).
        UUID earlier = UUID.randomUUID();
        Instant before = Instant.now().minus(Duration.ofDays(2));
        db.update("""
                insert into reallocation_proposal (id, plan_id, plan_version, currency, plan_total, amount_moved,
                    expected_outcome_change, outcome_change_std_err, triggered_by, status, reason, explanation,
                    proposed_at, decided_by, decided_at, exploration_of, exploration_step, exploration_steps,
                    explored_channels)
                values (?, ?, 1, 'EUR', 10000, 2170, 0, 0, 'test', 'APPLIED', 'returned', 'returned', ?, 'alice', ?,
                    ?, 5, 5, ?)""", earlier, UUID.fromString(planId), java.sql.Timestamp.from(before),
                java.sql.Timestamp.from(before), earlier, swung);

        // The week the evidence below brings, for `swung` too, so that both steady channels hold the same history.
        LocalDate lastWeek = SignalFixtures.HISTORY_START.plusWeeks(HISTORY_WEEKS);
        BigDecimal value = BigDecimal.valueOf(CURVE.steadyStateOutcome(700)).setScale(2, RoundingMode.HALF_EVEN);
        db.update("insert into channel_signal (channel, model, currency, period_kind, period_start, period_end, zone, "
                        + "revision, credited_conversions, credited_value, spend, roas, event_id, observed_at, "
                        + "received_at) values (?, 'markov-1', 'EUR', 'WEEK', ?, ?, 'UTC', 1, 1, ?, 700, null, ?, "
                        + "now(), now())", swung, java.sql.Date.valueOf(lastWeek),
                java.sql.Date.valueOf(lastWeek.plusDays(6)), value, UUID.randomUUID());
        String event = SignalFixtures.event(UUID.randomUUID(), Instant.now(), steady, "markov-1", "WEEK", lastWeek, 1,
                value.toPlainString(), "700.00");
        TestProducer.send(Topics.CHANNEL_PERFORMANCE, "channel:" + steady, event);
        await().atMost(PATIENCE).until(() -> db.count("select count(*) from reallocation_proposal where plan_id = ?",
                UUID.fromString(planId)) == 2);
        JsonPath listed = audit(planId);
        String fresh = "find { it.id != '" + earlier + "' }";
        // Both channels are held for their curves; only the one never swung is explored, against the others.
        assertEquals(List.of(steady), listed.getList(fresh + ".exploration.channels"));
        assertEquals(1, listed.getInt(fresh + ".exploration.step"));
    }

    /**
     * An exploration whose next step no longer starts from the plan's allocations (someone moved them meanwhile) is
     * broken off: recorded once on its latest step, then treated as stopped — no new one while an exploration would
     * last, and a new one once that time has passed (before the end was recorded, the loop found the old exploration
     * "running" on every evidence and never proposed another).
     */
    @Test
    void anExplorationBrokenOffByAnotherChangeIsRecordedAsEndedAndLaterStartedAfresh() {
        everyMoveNeedsApproval();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String held = "held-" + suffix;
        String trusted = "trusted-" + suffix;
        steadyHistory(held, 11);
        SignalFixtures.weeklyHistory(db, trusted, CURVE, 12, "EUR", HISTORY_WEEKS);
        // The allocations as they are now: back at 3,100 each, though the exploration's first step set 5,270 / 930.
        String planId = planStartingToday("Broken off " + suffix, Map.of(held, "3100", trusted, "3100"));
        UUID step1 = UUID.randomUUID();
        Instant fourWeeksAgo = Instant.now().minus(Duration.ofDays(28));
        db.update("""
                insert into reallocation_proposal (id, plan_id, plan_version, currency, plan_total, amount_moved,
                    expected_outcome_change, outcome_change_std_err, triggered_by, status, reason, explanation,
                    proposed_at, decided_by, decided_at, exploration_of, exploration_step, exploration_steps,
                    explored_channels)
                values (?, ?, 1, 'EUR', 10000, 2170, 0, 0, 'test', 'APPLIED', 'granted', 'step 1', ?, 'alice', ?,
                    ?, 1, 5, ?)""", step1, UUID.fromString(planId), java.sql.Timestamp.from(fourWeeksAgo),
                java.sql.Timestamp.from(fourWeeksAgo), step1, held);
        db.update("insert into reallocation_shift (id, proposal_id, channel, before, after) values (?, ?, ?, 3100, 5270)",
                UUID.randomUUID(), step1, held);
        db.update("insert into reallocation_shift (id, proposal_id, channel, before, after) values (?, ?, ?, 3100, 930)",
                UUID.randomUUID(), step1, trusted);
        String latest = "find { it.id == '" + step1 + "' }";

        UUID first = evidence(held, 1);
        await().atMost(PATIENCE).until(() -> audit(planId).getString(latest + ".exploration.endedAt") != null);
        JsonPath listed = audit(planId);
        String endedAt = listed.getString(latest + ".exploration.endedAt");
        assertEquals("the plan's allocations were changed by others before step 2",
                listed.getString(latest + ".exploration.endReason"));
        await().atMost(PATIENCE).until(() -> processed(first) == 1);

        UUID second = evidence(held, 2);
        await().atMost(PATIENCE).until(() -> processed(second) == 1);
        listed = audit(planId);
        assertEquals(endedAt, listed.getString(latest + ".exploration.endedAt"), "recorded once");
        assertEquals(1, listed.getList("findAll { it.exploration != null }").size(),
                "no new exploration while a broken-off one would still be running");

        // As long as an exploration lasts (4 phases of 3 weeks) has passed since it was broken off.
        db.update("update reallocation_proposal set exploration_ended_at = ? where id = ?",
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(7 * 13))), step1);
        evidence(held, 3);
        String fresh = "find { it.exploration != null && it.id != '" + step1 + "' }";
        await().atMost(PATIENCE).until(() -> audit(planId).getString(fresh + ".id") != null);
        listed = audit(planId);
        assertEquals(1, listed.getInt(fresh + ".exploration.step"));
        assertEquals(List.of(held), listed.getList(fresh + ".exploration.channels"));
        assertEquals("AWAITING_APPROVAL", listed.getString(fresh + ".status"));
    }

    /** The held channel's latest week again, as attribution-service revises it; returns the event's id. */
    private static UUID evidence(String channel, int revision) {
        UUID id = UUID.randomUUID();
        String event = SignalFixtures.event(id, Instant.now(), channel, "markov-1", "WEEK",
                SignalFixtures.HISTORY_START.plusWeeks(HISTORY_WEEKS), revision,
                BigDecimal.valueOf(CURVE.steadyStateOutcome(700)).setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                "700.00");
        TestProducer.send(Topics.CHANNEL_PERFORMANCE, "channel:" + channel, event);
        return id;
    }

    /** Whether the loop has finished with the evidence (its reconsideration records the event once done). */
    private long processed(UUID eventId) {
        return db.count("select count(*) from processed_event where event_id = ? and consumer = ?", eventId,
                "budget.reallocation-on-performance");
    }
}
