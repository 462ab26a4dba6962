package io.mops.budget.trackrecord;

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
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The track record through the real loop: a move applied from evidence on Kafka opens a record with its forecast; once
 * the weeks after it have their channel performance, the realised change is recorded beside it.
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class TrackRecordResourceTest {

    private static final ResponseCurve STRONG = new ResponseCurve(0.3, 4200, 1050, 1.0);
    private static final ResponseCurve WEAK = new ResponseCurve(0.3, 1050, 1050, 1.0);
    private static final int HISTORY_WEEKS = 60;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Φ⁻¹(0.95), from the standard normal table. */
    private static final double Z_90 = 1.644853627;

    /** Read numbers as doubles, not floats: the forecasts are compared to 1e-9. */
    private static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

    private final TestDatabase db = TestDatabase.named("mops_budget_test");

    private static String coe() {
        return Tokens.user("carol");
    }

    private static JsonPath trackRecord(String token, Map<String, String> query) {
        return given().auth().oauth2(token).queryParams(query).get("/budget/track-record")
                .then().statusCode(200).extract().jsonPath().using(DOUBLES);
    }

    /** A move applied by the real loop from evidence on Kafka, between two channels of the test's own. */
    private record AppliedMove(String planId, String strong, String weak, String proposal, double expected,
                               double standardError) {
    }

    private AppliedMove appliedMove() {
        given().auth().oauth2(coe()).contentType(ContentType.JSON)
                .body(Map.of("maxAmountMoved", Map.of("EUR", "1000"), "maxPercentOfTotal", "10"))
                .put("/budget/approval-policy").then().statusCode(200);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String strong = "track-strong-" + suffix;
        String weak = "track-weak-" + suffix;
        SignalFixtures.weeklyHistory(db, strong, STRONG, 1, "EUR", HISTORY_WEEKS);
        SignalFixtures.weeklyHistory(db, weak, WEAK, 2, "EUR", HISTORY_WEEKS);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> draft = new HashMap<>();
        draft.put("name", "Track record " + suffix);
        draft.put("currency", "EUR");
        draft.put("total", "10000");
        // Starting today, so that the whole plan is ahead: the optimiser moves only what is left over the days left.
        draft.put("periodStart", today.toString());
        draft.put("periodEnd", today.plusDays(30).toString());
        draft.put("allocations", Map.of(strong, "3100", weak, "3100"));
        String planId = given().auth().oauth2(coe()).contentType(ContentType.JSON).body(draft)
                .post("/budget/plans").then().statusCode(201).extract().path("id");

        String value = BigDecimal.valueOf(STRONG.steadyStateOutcome(700)).setScale(2, RoundingMode.HALF_EVEN)
                .toPlainString();
        TestProducer.send(Topics.CHANNEL_PERFORMANCE, "channel:" + strong, SignalFixtures.event(UUID.randomUUID(),
                Instant.now(), strong, "markov-1", "WEEK", SignalFixtures.HISTORY_START.plusWeeks(HISTORY_WEEKS), 2,
                value, "700.00"));
        await().atMost(PATIENCE).until(() -> db.count("select count(*) from reallocation_proposal where plan_id = ? "
                + "and status = 'APPLIED'", UUID.fromString(planId)) > 0);
        JsonPath moves = given().auth().oauth2(coe()).queryParam("planId", planId).get("/budget/reallocations")
                .then().statusCode(200).extract().jsonPath().using(DOUBLES);
        String proposal = moves.getString("find { it.status == 'APPLIED' }.id");
        double expected = moves.getDouble("find { it.id == '" + proposal + "' }.expectedOutcomeChange");
        double standardError = moves.getDouble("find { it.id == '" + proposal + "' }.expectedOutcomeChangeStandardError");
        return new AppliedMove(planId, strong, weak, proposal, expected, standardError);
    }

    /**
     * Takes the move back to Wednesday 2025-03-05, inside the stored history, and gives its four weeks before (from
     * Monday 2025-02-03) and four after (2025-03-10 to 2025-04-06) round values: each channel's per week before, then
     * after.
     */
    private void takeBack(AppliedMove move, double strongBefore, double weakBefore, double strongAfter,
                          double weakAfter) {
        db.update("update move_track_record set applied_at = ?, baseline_start = ?, after_end = ? where proposal_id = ?",
                Timestamp.from(Instant.parse("2025-03-05T12:00:00Z")), Date.valueOf("2025-02-03"),
                Date.valueOf("2025-04-06"), UUID.fromString(move.proposal()));
        for (String week : List.of("2025-02-03", "2025-02-10", "2025-02-17", "2025-02-24")) {
            setValue(move.strong(), week, strongBefore);
            setValue(move.weak(), week, weakBefore);
        }
        for (String week : List.of("2025-03-10", "2025-03-17", "2025-03-24", "2025-03-31")) {
            setValue(move.strong(), week, strongAfter);
            setValue(move.weak(), week, weakAfter);
        }
        // The move's own week is left out whatever it holds.
        setValue(move.strong(), "2025-03-03", 1_000_000);
        // A late revision of the last week after the move arrives and completes the evidence.
        TestProducer.send(Topics.CHANNEL_PERFORMANCE, "channel:" + move.weak(), SignalFixtures.event(UUID.randomUUID(),
                Instant.now(), move.weak(), "markov-1", "WEEK", LocalDate.parse("2025-03-31"), 99,
                BigDecimal.valueOf(weakAfter).setScale(2, RoundingMode.HALF_EVEN).toPlainString(), "500.00"));
    }

    @Test
    void anAppliedMoveKeepsItsForecastAndGetsItsRealisedChange() {
        AppliedMove move = appliedMove();
        String strong = move.strong();
        String weak = move.weak();
        String proposal = move.proposal();
        double expected = move.expected();
        double standardError = move.standardError();

        // Pending at first, with the proposal's own forecast and its normal 90 % interval.
        JsonPath pending = trackRecord(coe(), Map.of("channel", strong));
        String entry = "decisions.find { it.id == '" + proposal + "' }";
        assertEquals(expected, pending.getDouble(entry + ".forecast.value"), 1e-9);
        assertEquals(standardError, pending.getDouble(entry + ".forecast.standardError"), 1e-9);
        assertEquals(expected - Z_90 * standardError, pending.getDouble(entry + ".forecast.low"), 1e-6);
        assertEquals(expected + Z_90 * standardError, pending.getDouble(entry + ".forecast.high"), 1e-6);
        assertNull(pending.get(entry + ".realised"));
        assertEquals(false, pending.getBoolean(entry + ".unmeasurable"));
        assertEquals(List.of(strong, weak).stream().sorted().toList(), pending.getList(entry + ".channels"));

        // Time passes: the move is taken back into the stored history, its weeks before and after given round values.
        takeBack(move, 100, 80, 160, 50);

        // By hand: 180 a week before, 210 after, +30 a week over the plan's 31 days = 31/7 weeks.
        double realised = 30.0 * 31 / 7;
        await().atMost(PATIENCE).until(() -> trackRecord(coe(), Map.of("channel", strong))
                .get(entry + ".realised") != null);
        JsonPath done = trackRecord(coe(), Map.of("channel", strong, "from", "2025-03-01", "to", "2025-03-31"));
        assertEquals(1, done.getList("decisions").size());
        assertEquals(realised, done.getDouble(entry + ".realised"), 1e-9);
        assertEquals(expected, done.getDouble(entry + ".forecast.value"), 1e-9);
        assertNotNull(done.get(entry + ".realisedAt"));
        assertEquals(1, done.getInt("calibration.realised"));
        assertEquals(0, done.getInt("calibration.pending"));
        boolean inside = Math.abs(realised - expected) <= Z_90 * standardError;
        assertEquals(inside ? 1.0 : 0.0, done.getDouble("calibration.shareInsideInterval"), 1e-12);
        assertEquals(realised - expected, done.getDouble("calibration.meanError"), 1e-9);
        // Each channel holds one value a side, so the windows have no spread: the judged interval is the forecast's.
        assertEquals(expected - Z_90 * standardError, done.getDouble(entry + ".judgedAgainst.low"), 1e-6);
        assertNull(done.get("calibration.warning"), "one realised move is too few to warn on");

        // The search team's channel was not moved: the move is not in its track record, and naming it is refused.
        String search = Tokens.serviceAccount("channel-search");
        assertFalse(trackRecord(search, Map.of()).getList("decisions.id").contains(proposal));
        given().auth().oauth2(search).queryParam("channel", strong).get("/budget/track-record")
                .then().statusCode(403);
    }

    @Test
    void anotherMoveOfThePlanInsideTheWindowLeavesTheMoveUnmeasured() {
        AppliedMove move = appliedMove();
        // A second applied move of the same plan on 2025-03-20, inside the window of 2025-02-03 to 2025-04-06 the
        // first is taken back to: a copy of the first's row with its own id and day.
        String other = UUID.randomUUID().toString();
        db.update("insert into reallocation_proposal select * from jsonb_populate_record(null::reallocation_proposal, "
                + "(select to_jsonb(r) || jsonb_build_object('id', ?::text, 'decided_at', '2025-03-20T09:00:00Z') "
                + "from reallocation_proposal r where id = ?))", other, UUID.fromString(move.proposal()));
        String entry = "decisions.find { it.id == '" + move.proposal() + "' }";

        takeBack(move, 100, 80, 160, 50);

        await().atMost(PATIENCE).until(() -> trackRecord(coe(), Map.of("channel", move.strong()))
                .getString(entry + ".basis").startsWith("move " + other + " on 2025-03-20"));
        JsonPath record = trackRecord(coe(), Map.of("channel", move.strong(), "from", "2025-03-01", "to", "2025-03-31"));
        assertNull(record.get(entry + ".realised"), "the change seen is both moves', credited to neither");
        assertNull(record.get(entry + ".judgedAgainst"));
        assertEquals(true, record.getBoolean(entry + ".unmeasurable"));
        assertEquals(0, record.getInt("calibration.realised"));
        assertEquals(0, record.getInt("calibration.pending"), "it waits for nothing");
        assertEquals(1, record.getInt("calibration.unmeasurable"));
        assertEquals(1, db.count("select count(*) from move_track_record where proposal_id = ? and status = 'UNMEASURABLE'",
                UUID.fromString(move.proposal())));
    }

    @Test
    void aMoveRealisedBelowItsForecastsIntervalFreezesItsChannelsAndOpensAnIncident() {
        AppliedMove move = appliedMove();
        // The forecast made round: 100 with standard error 10, so its 90 % interval is [83.55, 116.45].
        db.update("update move_track_record set expected_change = 100, expected_change_std_err = 10 "
                + "where proposal_id = ?", UUID.fromString(move.proposal()));
        String entry = "decisions.find { it.id == '" + move.proposal() + "' }";
        try (TopicTap requests = TopicTap.open(Topics.APPROVAL_REQUESTS)) {
            // By hand: 180 a week before, 120 after: -60 a week over the plan's 31/7 weeks = -265.71, below 83.55.
            takeBack(move, 100, 80, 70, 50);
            double realised = -60.0 * 31 / 7;
            await().atMost(PATIENCE).until(() -> trackRecord(coe(), Map.of("channel", move.strong()))
                    .get(entry + ".realised") != null);
            assertEquals(realised, trackRecord(coe(), Map.of("channel", move.strong()))
                    .getDouble(entry + ".realised"), 1e-9);

            for (String channel : List.of(move.strong(), move.weak())) {
                JsonPath anomalies = given().auth().oauth2(coe()).queryParam("channel", channel)
                        .get("/budget/guard/anomalies").then().statusCode(200).extract().jsonPath().using(DOUBLES);
                assertEquals(List.of("loop-decision"), anomalies.getList("detector"));
                assertEquals("OPEN", anomalies.getString("[0].status"));
                assertEquals("FREEZE_CHANNEL", anomalies.getString("[0].action"));
                assertEquals(realised, anomalies.getDouble("[0].observed"), 1e-9);
                assertEquals(100.0, anomalies.getDouble("[0].expected"), 1e-9);
                assertEquals(100 - Z_90 * 10, anomalies.getDouble("[0].statistic"), 1e-6);
                given().auth().oauth2(coe()).get("/budget/guard/frozen-channels").then().statusCode(200)
                        .body("'" + channel + "'", containsString("loop-decision"));
                JsonPath incident = JsonPath.from(requests.await(r -> r.value().contains("\"Incident\"")
                        && r.value().contains("loop-decision") && r.value().contains("\"channel\":\"" + channel
                        + "\""), Duration.ofSeconds(30)).value()).using(DOUBLES);
                // 365.71 short of the forecast against the interval's 16.45 below it: 22.2 times the line, high.
                assertEquals((100 - realised) / (Z_90 * 10), incident.getDouble("data.evidence.content.margin"), 1e-6);
                assertEquals("HIGH", incident.getString("data.evidence.content.severity"));
            }
        }
        assertEquals(1, db.count("select count(*) from outbox_event where event_type = 'AnomalyDetected' "
                + "and message_key = ? and payload like '%loop-decision%'", "channel:" + move.strong()));

        // A later revision re-measures the move; it was reported once and is not reported again.
        TestProducer.send(Topics.CHANNEL_PERFORMANCE, "channel:" + move.weak(), SignalFixtures.event(UUID.randomUUID(),
                Instant.now(), move.weak(), "markov-1", "WEEK", LocalDate.parse("2025-03-31"), 100, "40.00", "500.00"));
        // By hand: weak's weeks after are now 50, 50, 50, 40 (47.5 a week), strong's 70: 117.5 against 180.
        double revised = (117.5 - 180) * 31 / 7;
        await().atMost(PATIENCE).until(() -> Math.abs(trackRecord(coe(), Map.of("channel", move.strong()))
                .getDouble(entry + ".realised") - revised) < 1e-6);
        assertEquals(1, db.count("select count(*) from guard_anomaly where channel = ? and detector = 'loop-decision'",
                move.strong()));
    }

    @Test
    void badDatesAreRefusedNamingTheParameter() {
        given().auth().oauth2(coe()).queryParam("from", "yesterday").get("/budget/track-record")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("from"));
        given().auth().oauth2(coe()).queryParam("from", "2026-11-02").queryParam("to", "2026-11-01")
                .get("/budget/track-record")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("to"));
    }

    private void setValue(String channel, String week, double value) {
        int changed = db.update("update channel_signal set credited_value = ? where channel = ? and model = 'markov-1' "
                        + "and period_kind = 'WEEK' and period_start = ?", BigDecimal.valueOf(value), channel,
                Date.valueOf(week));
        assertEquals(1, changed, channel + " has a stored week " + week);
    }
}
