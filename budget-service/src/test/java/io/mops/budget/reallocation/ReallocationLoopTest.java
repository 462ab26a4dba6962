package io.mops.budget.reallocation;

import io.mops.budget.curve.CurveFit;
import io.mops.budget.curve.ResponseCurve;
import io.mops.budget.curve.SpendResponse;
import io.mops.budget.guard.AnomalyView;
import io.mops.budget.guard.RiskGuard;
import io.mops.budget.optimiser.BruteForceSplit;
import io.mops.budget.signal.SignalFixtures;
import io.mops.common.events.Topics;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.TestProducer;
import io.mops.testsupport.Tokens;
import io.mops.testsupport.TopicTap;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The autonomous loop over the real Kafka and database: evidence arrives as ChannelPerformanceUpdated, the policy
 * decides, approval-service's decisions arrive on mops.approval.decisions.
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class ReallocationLoopTest {

    /** Weekly curves: at the plans' 3,100 over a month (about 700 a week) the strong channel returns more per euro. */
    private static final ResponseCurve STRONG = new ResponseCurve(0.3, 4200, 1050, 1.0);
    private static final ResponseCurve WEAK = new ResponseCurve(0.3, 1050, 1050, 1.0);
    private static final int HISTORY_WEEKS = 60;
    /** Each piece of new evidence revises the week after the history once more, so each one is current. */
    private static final AtomicInteger REVISION = new AtomicInteger();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final TestDatabase db = TestDatabase.named("mops_budget_test");

    @Inject
    ReallocationService reallocation;

    /** A running plan over two channels with a known response, so that the optimiser moves exactly ±20 %. */
    private record Setup(String planId, String strong, String weak) {
    }

    private Setup runningPlan() {
        return runningPlan("EUR");
    }

    private Setup runningPlan(String currency) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String strong = "strong-" + suffix;
        String weak = "weak-" + suffix;
        SignalFixtures.weeklyHistory(db, strong, STRONG, 1, currency, HISTORY_WEEKS);
        SignalFixtures.weeklyHistory(db, weak, WEAK, 2, currency, HISTORY_WEEKS);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> draft = new HashMap<>();
        draft.put("name", "Running " + suffix);
        draft.put("currency", currency);
        draft.put("total", "10000");
        // Starting today, so that the whole plan is ahead: the optimiser moves only what is left over the days left.
        draft.put("periodStart", today.toString());
        draft.put("periodEnd", today.plusDays(30).toString());
        draft.put("allocations", Map.of(strong, "3100", weak, "3100"));
        String planId = given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON).body(draft)
                .post("/budget/plans").then().statusCode(201).extract().path("id");
        return new Setup(planId, strong, weak);
    }

    /** {@code weeks} weekly signals from {@link SignalFixtures#HISTORY_START}, spend drawn evenly from low to high. */
    private void history(String channel, ResponseCurve truth, long seed, String currency, int weeks, double low,
                         double high) {
        Random random = new Random(seed);
        double[] spend = new double[weeks];
        for (int t = 0; t < spend.length; t++) {
            spend[t] = low + (high - low) * random.nextDouble();
        }
        SignalFixtures.weeklySignals(db, channel, currency, spend, truth.predict(spend));
    }

    /**
     * New evidence for the strong channel over Kafka — the week after its history, consistent with its curve, as the
     * next revision — and waits for the proposal.
     */
    private String newEvidence(Setup setup) {
        long before = proposals(setup);
        String value = BigDecimal.valueOf(STRONG.steadyStateOutcome(700)).setScale(2, RoundingMode.HALF_EVEN)
                .toPlainString();
        String event = SignalFixtures.event(UUID.randomUUID(), Instant.now(), setup.strong(), "markov-1", "WEEK",
                SignalFixtures.HISTORY_START.plusWeeks(HISTORY_WEEKS), REVISION.incrementAndGet(), value, "700.00");
        TestProducer.send(Topics.CHANNEL_PERFORMANCE, "channel:" + setup.strong(), event);
        await().atMost(PATIENCE).until(() -> proposals(setup) > before);
        return audit(setup.planId()).getString("[0].id");
    }

    private long proposals(Setup setup) {
        return db.count("select count(*) from reallocation_proposal where plan_id = ?", UUID.fromString(setup.planId()));
    }

    /** The plan's moves as the CoE reads them, newest first. */
    private static JsonPath audit(String planId) {
        return given().auth().oauth2(Tokens.user("carol")).queryParam("planId", planId)
                .get("/budget/reallocations").then().statusCode(200).extract().jsonPath();
    }

    private static String field(Setup setup, String proposalId, String field) {
        return audit(setup.planId()).getString("find { it.id == '" + proposalId + "' }." + field);
    }

    private static String status(Setup setup, String proposalId) {
        return field(setup, proposalId, "status");
    }

    private Map<String, Float> allocations(String planId) {
        JsonPath plan = given().auth().oauth2(Tokens.user("carol")).get("/budget/plans/" + planId)
                .then().statusCode(200).extract().jsonPath();
        Map<String, Float> allocations = new HashMap<>();
        List<Map<String, Object>> channels = plan.getList("channels");
        channels.forEach(c -> allocations.put((String) c.get("channel"), ((Number) c.get("allocation")).floatValue()));
        return allocations;
    }

    private static void policy(String maxAmount, String maxPercent) {
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                .body(Map.of("maxAmountMoved", Map.of("EUR", maxAmount), "maxPercentOfTotal", maxPercent))
                .put("/budget/approval-policy").then().statusCode(200);
    }

    private static ValidatableResponse putPolicy(Object maxAmountMoved) {
        return given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                .body(Map.of("maxAmountMoved", maxAmountMoved, "maxPercentOfTotal", "10"))
                .put("/budget/approval-policy").then();
    }

    private static void killSwitch(boolean frozen) {
        Map<String, Object> body = new HashMap<>();
        body.put("frozen", frozen);
        body.put("reason", frozen ? "Black Friday: hands off" : null);
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON).body(body)
                .put("/budget/kill-switch").then().statusCode(200);
    }

    private static String decision(String type, String planId, String proposalId, UUID eventId) {
        String data = type.equals("ApprovalGranted")
                ? "\"approvedBy\":[\"alice\"],\"comment\":\"go\""
                : "\"rejectedBy\":\"alice\",\"comment\":\"not before Christmas\"";
        return """
                {"id":"%s","type":"%s","version":1,"source":"approval-service","time":"2026-11-25T11:00:00Z",
                 "subject":"plan:%s",
                 "data":{"requestId":"%s","kind":"ReallocationProposal","reference":"%s",%s}}
                """.formatted(eventId, type, planId, UUID.randomUUID(), proposalId, data);
    }

    private void decide(String type, String planId, String proposalId, UUID eventId) {
        TestProducer.send(Topics.APPROVAL_DECISIONS, "plan:" + planId, decision(type, planId, proposalId, eventId));
    }

    private long processed(UUID eventId) {
        return db.count("select count(*) from processed_event where event_id = ?", eventId);
    }

    @AfterEach
    void releaseTheKillSwitch() {
        killSwitch(false);
    }

    @Test
    void aSmallMoveInsideThePolicyIsAppliedAtOnceAndAudited() {
        policy("1000", "10");
        Setup setup = runningPlan();

        String proposal = newEvidence(setup);

        assertEquals("APPLIED", status(setup, proposal));
        assertEquals(Map.of(setup.strong(), 3720.0f, setup.weak(), 2480.0f), allocations(setup.planId()));
        JsonPath audit = audit(setup.planId());
        assertEquals("APPLIED", audit.getString("[0].status"));
        assertEquals(ReallocationService.BY_POLICY, audit.getString("[0].decidedBy"));
        assertNotNull(audit.getString("[0].decidedAt"));
        assertEquals(620.0f, audit.getFloat("[0].amountMoved"), 0.001);
        assertEquals(3100.0f, audit.getFloat("[0].channels.find { it.channel == '" + setup.strong() + "' }.before"), 0.001);
        assertEquals(3720.0f, audit.getFloat("[0].channels.find { it.channel == '" + setup.strong() + "' }.after"), 0.001);
        assertTrue(audit.getString("[0].triggeredBy").startsWith("ChannelPerformanceUpdated"));
        assertTrue(audit.getString("[0].explanation").contains("marginal return"));
    }

    /**
     * Issue 11's autonomous case: two concave channels and an S-shaped one, true curves posted as ninety days of
     * channel performance; new evidence for the S-shaped one makes the service move money within ±20 %. The move it
     * makes reaches the best split within those bounds under the true curves (brute force), and the explanation it
     * records expects a gain (the previous optimiser recorded −8,321 ± 780 for its move in the case).
     */
    @Test
    void anAutonomousMoveReachesTheBestSplitWithinItsBoundsAndExpectsAGain() {
        policy("100000", "100");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String[] channels = {"search-" + suffix, "social-" + suffix, "video-" + suffix};
        // Weekly curves and histories (the evidence period); the plan's 31 days span 31/7 weeks.
        ResponseCurve[] truth = {new ResponseCurve(0.2, 4900, 350, 0.7), new ResponseCurve(0.4, 4200, 1400, 1.0),
                new ResponseCurve(0.1, 14000, 3850, 2.0)};
        for (int i = 0; i < 3; i++) {
            history(channels[i], truth[i], 11 + i, "EUR", 90, 70, 3500);
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> draft = new HashMap<>();
        draft.put("name", "Video " + suffix);
        draft.put("currency", "EUR");
        draft.put("total", "13950");
        // Starting today, so that the whole plan is ahead: the optimiser moves only what is left over the days left.
        draft.put("periodStart", today.toString());
        draft.put("periodEnd", today.plusDays(30).toString());
        draft.put("allocations", Map.of(channels[0], "6200", channels[1], "6200", channels[2], "1550"));
        String planId = given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON).body(draft)
                .post("/budget/plans").then().statusCode(201).extract().path("id");

        String value = BigDecimal.valueOf(truth[2].steadyStateOutcome(350)).setScale(2, RoundingMode.HALF_EVEN)
                .toPlainString();
        String event = SignalFixtures.event(UUID.randomUUID(), Instant.now(), channels[2], "markov-1", "WEEK",
                SignalFixtures.HISTORY_START.plusWeeks(90), 1, value, "350.00");
        TestProducer.send(Topics.CHANNEL_PERFORMANCE, "channel:" + channels[2], event);
        await().atMost(PATIENCE).until(() -> db.count("select count(*) from reallocation_proposal where plan_id = ?",
                UUID.fromString(planId)) > 0);

        JsonPath audit = audit(planId);
        SpendResponse[] responses = new SpendResponse[3];
        double[] after = new double[3];
        double[] before = {6200, 6200, 1550};
        for (int i = 0; i < 3; i++) {
            responses[i] = new CurveFit(truth[i], 1, 0, 90, new double[4][4]).overPeriods(31 / 7.0);
            after[i] = audit.getDouble("[0].channels.find { it.channel == '" + channels[i] + "' }.after");
        }
        double[] best = new BruteForceSplit(responses, new double[] {4960, 4960, 1240},
                new double[] {7440, 7440, 1860}, 13_950).best();
        assertTrue(outcome(responses, after) >= outcome(responses, best) * (1 - 0.001), String.format(
                "the move's true outcome %.2f is within 0.1 %% of the best within ±20 %%, %.2f",
                outcome(responses, after), outcome(responses, best)));
        assertTrue(outcome(responses, after) > outcome(responses, before), "the move gains under the true curves");
        assertEquals(1860.0, after[2], 0.001, "video takes its full +20 %");
        assertTrue(audit.getDouble("[0].expectedOutcomeChange") > 0);
        assertTrue(audit.getString("[0].explanation").startsWith("Expected attributed value +"),
                audit.getString("[0].explanation"));
        assertEquals("APPLIED", audit.getString("[0].status"));
    }

    private static double outcome(SpendResponse[] responses, double[] spend) {
        double sum = 0;
        for (int i = 0; i < spend.length; i++) {
            sum += responses[i].outcome(spend[i]);
        }
        return sum;
    }

    @Test
    void aDeclaredWinnerIsEvidenceForItsChannelToo() {
        policy("1000", "10");
        Setup setup = runningPlan();
        String event = """
                {"id":"%s","type":"WinnerDeclared","version":1,"source":"testing-service",
                 "time":"2026-11-25T10:00:00Z","subject":"experiment:headline-%s",
                 "data":{"experimentKey":"headline-%s","channel":"%s","variantKey":"b","metric":"conversion",
                         "chanceToBeBest":0.97,"expectedLoss":0.0001,"relativeUpliftOverControl":0.08}}
                """.formatted(UUID.randomUUID(), setup.strong(), setup.strong(), setup.strong());

        TestProducer.send(Topics.TESTING_EVENTS, "experiment:headline-" + setup.strong(), event);

        await().atMost(PATIENCE).until(() -> proposals(setup) == 1);
        JsonPath audit = audit(setup.planId());
        assertTrue(audit.getString("[0].triggeredBy").startsWith("WinnerDeclared"), audit.getString("[0].triggeredBy"));
        assertEquals("APPLIED", audit.getString("[0].status"));
        assertEquals(Map.of(setup.strong(), 3720.0f, setup.weak(), 2480.0f), allocations(setup.planId()));
    }

    @Test
    void aChannelTeamSeesOnlyMovesOfItsOwnChannel() {
        policy("1000", "10");
        Setup setup = runningPlan();
        newEvidence(setup);

        given().auth().oauth2(Tokens.serviceAccount("channel-search")).queryParam("planId", setup.planId())
                .get("/budget/reallocations").then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(Tokens.serviceAccount("channel-search")).post("/budget/reallocations/"
                + UUID.randomUUID() + "/rollback").then().statusCode(403);
    }

    @Test
    void aLargeMoveAsksForApprovalAndIsAppliedOnlyWhenGrantedOnce() {
        policy("100", "1");
        Setup setup = runningPlan();
        String proposal;
        try (TopicTap requests = TopicTap.open(Topics.APPROVAL_REQUESTS)) {
            proposal = newEvidence(setup);
            String id = proposal;
            ConsumerRecord<String, String> asked = requests.await(r -> r.value().contains(id), PATIENCE);
            JsonPath request = JsonPath.from(asked.value());
            assertEquals("ApprovalRequested", request.getString("type"));
            assertEquals("plan:" + setup.planId(), asked.key());
            assertEquals("ReallocationProposal", request.getString("data.kind"));
            assertEquals(proposal, request.getString("data.reference"));
            assertEquals(620.0f, request.getFloat("data.amount"), 0.001);
            assertEquals("EUR", request.getString("data.currency"));
            assertTrue(request.getString("data.explanation").contains(setup.strong() + ": 3100.00 -> 3720.00 EUR"));
            assertNotNull(request.getString("data.expiresAt"));

            // The structured evidence an approver sees: the same ±620 move, channel by channel.
            assertEquals("ReallocationEvidence", request.getString("data.evidence.schema"));
            assertEquals(1, request.getInt("data.evidence.version"));
            String content = "data.evidence.content.";
            assertEquals(setup.planId(), request.getString(content + "planId"));
            assertEquals(620.0f, request.getFloat(content + "amountMoved"), 0.001);
            String strong = content + "channels.find { it.channel == '" + setup.strong() + "' }.";
            String weak = content + "channels.find { it.channel == '" + setup.weak() + "' }.";
            assertEquals(3100.0f, request.getFloat(strong + "before"), 0.001);
            assertEquals(3720.0f, request.getFloat(strong + "after"), 0.001);
            assertEquals(3100.0f, request.getFloat(weak + "before"), 0.001);
            assertEquals(2480.0f, request.getFloat(weak + "after"), 0.001);
            // Money moves towards the channel whose true response is four times the other's: a gain is expected.
            assertTrue(request.getDouble(content + "expectedOutcomeChange") > 0, asked.value());
            assertTrue(request.getDouble(content + "expectedOutcomeChangeStandardError") >= 0, asked.value());
            // Both histories are noise-free draws from the curves' own family: the fits are close to perfect.
            assertTrue(request.getDouble(strong + "curveRSquared") > 0.9, asked.value());
            assertTrue(request.getDouble(weak + "curveRSquared") > 0.9, asked.value());
            assertTrue(request.getInt(weak + "curveObservations") >= 60, asked.value());
            // Each channel's curve as drawn for approvers: its value at the new spend less its value at the old is
            // the change the optimiser expected for the channel (computed there through the fit, not the sketch).
            for (String channel : List.of(strong, weak)) {
                List<Float> outcome = request.getList(channel + "curve.outcome", Float.class);
                assertEquals(41, outcome.size(), asked.value());
                assertEquals(0.0f, outcome.getFirst(), 1e-6f);
                for (int i = 1; i < outcome.size(); i++) {
                    assertTrue(outcome.get(i) >= outcome.get(i - 1), "more spend never loses value: " + outcome);
                }
                double drawn = request.getDouble(channel + "curve.outcomeAfter")
                        - request.getDouble(channel + "curve.outcomeBefore");
                assertEquals(request.getDouble(channel + "expectedOutcomeChange"), drawn,
                        1e-6 * Math.max(1, Math.abs(drawn)), asked.value());
            }
            assertEquals(3720.0f * 1.5f, request.getList(strong + "curve.spend", Float.class).getLast(), 0.01f);
            assertTrue(request.getString(content + "reason").startsWith("ChannelPerformanceUpdated"),
                    request.getString(content + "reason"));
        }
        assertEquals("AWAITING_APPROVAL", status(setup, proposal));
        assertEquals(Map.of(setup.strong(), 3100.0f, setup.weak(), 3100.0f), allocations(setup.planId()),
                "nothing moves before the approval");

        UUID grant = UUID.randomUUID();
        decide("ApprovalGranted", setup.planId(), proposal, grant);
        await().atMost(PATIENCE).until(() -> "APPLIED".equals(status(setup, proposal)));
        assertEquals(Map.of(setup.strong(), 3720.0f, setup.weak(), 3100.0f - 620.0f), allocations(setup.planId()));
        assertEquals("approved by alice",
                field(setup, proposal, "decidedBy"));

        // The CoE moves the money by hand; a redelivered grant must not move it back.
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                .body(Map.of("allocations", Map.of(setup.strong(), "3500", setup.weak(), "2700")))
                .put("/budget/plans/" + setup.planId() + "/allocations").then().statusCode(200);
        UUID marker = UUID.randomUUID();
        decide("ApprovalGranted", setup.planId(), proposal, grant);
        decide("ApprovalRejected", setup.planId(), UUID.randomUUID().toString(), marker);
        await().atMost(PATIENCE).until(() -> processed(marker) == 1);
        assertEquals(1, processed(grant));
        assertEquals(Map.of(setup.strong(), 3500.0f, setup.weak(), 2700.0f), allocations(setup.planId()));
    }

    @Test
    void aRejectedMoveIsNeverApplied() {
        policy("100", "1");
        Setup setup = runningPlan();
        String proposal = newEvidence(setup);
        assertEquals("AWAITING_APPROVAL", status(setup, proposal));

        decide("ApprovalRejected", setup.planId(), proposal, UUID.randomUUID());
        await().atMost(PATIENCE).until(() -> "REJECTED".equals(status(setup, proposal)));
        assertEquals("rejected by alice",
                field(setup, proposal, "decidedBy"));

        UUID lateGrant = UUID.randomUUID();
        decide("ApprovalGranted", setup.planId(), proposal, lateGrant);
        await().atMost(PATIENCE).until(() -> processed(lateGrant) == 1);
        assertEquals("REJECTED", status(setup, proposal));
        assertEquals(Map.of(setup.strong(), 3100.0f, setup.weak(), 3100.0f), allocations(setup.planId()));
    }

    private void notGranted(String type, String planId, String proposalId, String data, UUID eventId) {
        TestProducer.send(Topics.APPROVAL_DECISIONS, "plan:" + planId, """
                {"id":"%s","type":"%s","version":1,"source":"approval-service","time":"2026-11-25T11:00:00Z",
                 "subject":"plan:%s",
                 "data":{"requestId":"%s","kind":"ReallocationProposal","reference":"%s",%s}}
                """.formatted(eventId, type, planId, UUID.randomUUID(), proposalId, data));
    }

    @Test
    void changesRequestedDropTheMoveWithTheApproversComment() {
        policy("100", "1");
        Setup setup = runningPlan();
        String proposal = newEvidence(setup);

        UUID changes = UUID.randomUUID();
        notGranted("ChangesRequested", setup.planId(), proposal,
                "\"requestedBy\":\"omar\",\"comment\":\"wait for the December figures\"", changes);
        await().atMost(PATIENCE).until(() -> "REJECTED".equals(status(setup, proposal)));
        assertEquals("changes requested by omar", field(setup, proposal, "decidedBy"));
        assertEquals("wait for the December figures", field(setup, proposal, "reason"));

        UUID lateGrant = UUID.randomUUID();
        decide("ApprovalGranted", setup.planId(), proposal, lateGrant);
        await().atMost(PATIENCE).until(() -> processed(lateGrant) == 1);
        assertEquals("REJECTED", status(setup, proposal));
        assertEquals(Map.of(setup.strong(), 3100.0f, setup.weak(), 3100.0f), allocations(setup.planId()));
    }

    @Test
    void aRequestThatExpiredAtApprovalServiceLeavesTheMoveExpired() {
        policy("100", "1");
        Setup setup = runningPlan();
        String proposal = newEvidence(setup);

        notGranted("ApprovalExpired", setup.planId(), proposal, "\"expiredAt\":\"2026-11-27T11:00:00Z\"",
                UUID.randomUUID());
        await().atMost(PATIENCE).until(() -> "EXPIRED".equals(status(setup, proposal)));
        assertEquals(ReallocationService.BY_EXPIRY, field(setup, proposal, "decidedBy"));
        assertEquals("approval-service: nobody decided before 2026-11-27T11:00:00Z", field(setup, proposal, "reason"));
        assertEquals(Map.of(setup.strong(), 3100.0f, setup.weak(), 3100.0f), allocations(setup.planId()));
    }

    /** approval-service is told, on the requests topic and with the request's key, so it is never overtaken. */
    private static void assertWithdrawn(TopicTap requests, Setup setup, String proposal, String reason,
                                        String detail) {
        ConsumerRecord<String, String> withdrawn = requests.await(r -> r.value().contains("\"ApprovalWithdrawn\"")
                && r.value().contains(proposal), PATIENCE);
        JsonPath event = JsonPath.from(withdrawn.value());
        assertEquals("plan:" + setup.planId(), withdrawn.key());
        assertEquals("ReallocationProposal", event.getString("data.kind"));
        assertEquals(proposal, event.getString("data.reference"));
        assertEquals(reason, event.getString("data.reason"));
        assertTrue(event.getString("data.detail").startsWith(detail), event.getString("data.detail"));
        assertEquals("budget-service", event.getString("data.withdrawnBy"));
    }

    @Test
    void aNewerProposalSupersedesTheUndecidedOneWhoseLateGrantThenHasNoEffect() {
        policy("100", "1");
        Setup setup = runningPlan();
        String older = newEvidence(setup);
        String newer;
        try (TopicTap requests = TopicTap.open(Topics.APPROVAL_REQUESTS)) {
            newer = newEvidence(setup);
            assertWithdrawn(requests, setup, older, "SUPERSEDED", "superseded by proposal " + newer);
        }

        assertEquals("SUPERSEDED", status(setup, older));
        assertEquals("AWAITING_APPROVAL", status(setup, newer));
        UUID lateGrant = UUID.randomUUID();
        decide("ApprovalGranted", setup.planId(), older, lateGrant);
        await().atMost(PATIENCE).until(() -> processed(lateGrant) == 1);
        assertEquals("SUPERSEDED", status(setup, older));
        assertEquals(Map.of(setup.strong(), 3100.0f, setup.weak(), 3100.0f), allocations(setup.planId()));
    }

    @Test
    void anUndecidedProposalLapsesAtItsExpiry() throws Throwable {
        policy("100", "1");
        Setup setup = runningPlan();
        String proposal = newEvidence(setup);

        try (TopicTap requests = TopicTap.open(Topics.APPROVAL_REQUESTS)) {
            int lapsed = VertxContextSupport.subscribeAndAwait(
                    () -> reallocation.expire(Instant.now().plus(Duration.ofHours(49))));

            assertTrue(lapsed >= 1);
            assertWithdrawn(requests, setup, proposal, "EXPIRED", "nobody decided before");
        }
        assertEquals("EXPIRED", status(setup, proposal));
        UUID lateGrant = UUID.randomUUID();
        decide("ApprovalGranted", setup.planId(), proposal, lateGrant);
        await().atMost(PATIENCE).until(() -> processed(lateGrant) == 1);
        assertEquals(Map.of(setup.strong(), 3100.0f, setup.weak(), 3100.0f), allocations(setup.planId()));
    }

    @Test
    void theKillSwitchFreezesEveryAutonomousMoveButStillRecordsIt() {
        policy("1000", "10");
        killSwitch(true);
        Setup setup = runningPlan();

        String proposal = newEvidence(setup);

        assertEquals("FROZEN", status(setup, proposal));
        assertTrue(field(setup, proposal, "reason")
                .contains("Black Friday"));
        assertEquals(Map.of(setup.strong(), 3100.0f, setup.weak(), 3100.0f), allocations(setup.planId()));
        given().auth().oauth2(Tokens.user("carol")).get("/budget/kill-switch")
                .then().statusCode(200).body("frozen", equalTo(true)).body("changedBy", equalTo("carol"));
    }

    @Inject
    RiskGuard guard;

    /**
     * Issue 15's tracking outage on the plan's strong channel: a week of 30 touchpoints an hour, then an hour in which
     * it spends one euro (too little for the spend-runaway detector) and no touchpoint arrives: P = e^-30 under its
     * normal rate. Judges that hour and returns the anomaly found on the channel.
     */
    private AnomalyView trackingOutage(Setup setup) throws Throwable {
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                .body(Map.of("action", "FREEZE_CHANNEL")).put("/budget/guard/detectors/tracking-breakage")
                .then().statusCode(200);
        String campaign = given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                .body(Map.of("channel", setup.strong(), "name", "outage", "amount", "1000"))
                .post("/budget/plans/" + setup.planId() + "/campaigns").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                .body(Map.of("day", LocalDate.now(ZoneOffset.UTC).toString(), "amount", "1.00", "currency", "EUR"))
                .post("/budget/campaigns/" + campaign + "/spend").then().statusCode(201);
        // The hour the spend was recorded in, as stored: the clock may pass an hour while the test runs.
        Instant thisHour = Instant.ofEpochSecond(Long.parseLong(db.strings("select extract(epoch from "
                        + "date_trunc('hour', recorded_at, 'UTC'))::bigint::text from spend_entry where campaign_id = ?",
                UUID.fromString(campaign)).get(0)));
        for (int h = 1; h <= 8 * 24; h++) {
            db.update("insert into guard_touchpoint_hour (channel, hour, touchpoints) values (?, ?, 30)",
                    setup.strong(), java.sql.Timestamp.from(thisHour.minus(h, ChronoUnit.HOURS)));
        }
        List<AnomalyView> found = VertxContextSupport.subscribeAndAwait(() ->
                guard.judge(thisHour.plus(1, ChronoUnit.HOURS)));
        return found.stream().filter(a -> a.channel().equals(setup.strong())).findFirst()
                .orElseThrow(() -> new AssertionError("no anomaly on " + setup.strong() + ": " + found));
    }

    /**
     * The outage freezes the channel's autonomous moves, says so on mops.budget.events and opens an Incident in
     * approval-service; new evidence then finds the move frozen; the incident's grant by a person lifts the freeze
     * and the next evidence moves the money.
     */
    @Test
    void aTrackingOutageFreezesTheChannelsMovesUntilAPersonResolvesTheIncident() throws Throwable {
        policy("1000", "10");
        Setup setup = runningPlan();
        String anomaly;
        try (TopicTap events = TopicTap.open(Topics.BUDGET_EVENTS);
             TopicTap requests = TopicTap.open(Topics.APPROVAL_REQUESTS)) {
            AnomalyView outage = trackingOutage(setup);
            assertEquals("tracking-breakage", outage.detector());
            assertEquals("FREEZE_CHANNEL", outage.action());
            assertEquals(30.0, outage.expected(), 1e-9);
            assertEquals(Math.exp(-30), outage.statistic(), 1e-20);
            anomaly = outage.id().toString();
            events.await(r -> ("channel:" + setup.strong()).equals(r.key())
                    && r.value().contains("\"AnomalyDetected\"") && r.value().contains(anomaly), PATIENCE);
            events.await(r -> ("channel:" + setup.strong()).equals(r.key())
                    && r.value().contains("\"ContainmentApplied\"") && r.value().contains("FREEZE_CHANNEL"), PATIENCE);
            ConsumerRecord<String, String> incident = requests.await(r -> r.value().contains("\"Incident\"")
                    && r.value().contains("\"reference\":\"" + anomaly + "\""), PATIENCE);
            assertTrue(incident.value().contains("\"IncidentEvidence\""), incident.value());
        }
        Instant judged = Instant.parse(given().auth().oauth2(Tokens.user("carol")).queryParam("channel", setup.strong())
                .get("/budget/guard/anomalies").then().statusCode(200).extract().path("[0].detectedAt"));
        assertTrue(VertxContextSupport.<List<AnomalyView>>subscribeAndAwait(() -> guard.judge(judged)).stream()
                .noneMatch(a -> a.channel().equals(setup.strong())), "an open anomaly is not raised twice");
        given().auth().oauth2(Tokens.user("carol")).get("/budget/guard/frozen-channels").then().statusCode(200)
                .body("'" + setup.strong() + "'", org.hamcrest.Matchers.containsString("tracking-breakage"));

        String frozen = newEvidence(setup);
        assertEquals("FROZEN", status(setup, frozen));
        assertTrue(field(setup, frozen, "reason").contains("frozen by the risk guard"));
        assertEquals(Map.of(setup.strong(), 3100.0f, setup.weak(), 3100.0f), allocations(setup.planId()));

        UUID grant = UUID.randomUUID();
        try (TopicTap events = TopicTap.open(Topics.BUDGET_EVENTS)) {
            TestProducer.send(Topics.APPROVAL_DECISIONS, "channel:" + setup.strong(), """
                    {"id":"%s","type":"ApprovalGranted","version":1,"source":"approval-service",
                     "time":"2026-12-06T16:00:00Z","subject":"channel:%s",
                     "data":{"requestId":"%s","kind":"Incident","reference":"%s","approvedBy":["alice"],
                             "comment":"tag fixed on the landing page"}}
                    """.formatted(grant, setup.strong(), UUID.randomUUID(), anomaly));
            ConsumerRecord<String, String> lifted = events.await(r -> ("channel:" + setup.strong()).equals(r.key())
                    && r.value().contains("\"ContainmentLifted\"") && r.value().contains(anomaly), PATIENCE);
            assertTrue(lifted.value().contains("\"liftedBy\":\"alice\""), lifted.value());
        }
        given().auth().oauth2(Tokens.user("carol")).queryParam("channel", setup.strong())
                .get("/budget/guard/anomalies").then().statusCode(200)
                .body("[0].status", equalTo("RESOLVED")).body("[0].resolvedBy", equalTo("alice"));
        given().auth().oauth2(Tokens.user("carol")).get("/budget/guard/frozen-channels").then()
                .body("'" + setup.strong() + "'", org.hamcrest.Matchers.nullValue());

        String moved = newEvidence(setup);
        assertEquals("APPLIED", status(setup, moved));
        // Only the money left moves: strong spent 1.00 in the outage, so +20 % of its 3,099.00 left is 619.80
        // (1.00 + 3,718.80 = 3,719.80), taken from weak's 3,100.00 (2,480.20).
        assertEquals(Map.of(setup.strong(), 3719.8f, setup.weak(), 2480.2f), allocations(setup.planId()));
    }

    @Test
    void theCoeResolvesAnAnomalyOverRestOnceAndLiftsItsFreeze() throws Throwable {
        Setup setup = runningPlan();
        String anomaly = trackingOutage(setup).id().toString();
        given().auth().oauth2(Tokens.serviceAccount("channel-search")).contentType(ContentType.JSON)
                .body(Map.of("comment", "tag fixed")).post("/budget/guard/anomalies/" + anomaly + "/resolve")
                .then().statusCode(403);
        try (TopicTap events = TopicTap.open(Topics.BUDGET_EVENTS)) {
            given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                    .body(Map.of("comment", "tag fixed on the landing page"))
                    .post("/budget/guard/anomalies/" + anomaly + "/resolve").then().statusCode(200)
                    .body("status", equalTo("RESOLVED")).body("resolvedBy", equalTo("carol"));
            ConsumerRecord<String, String> lifted = events.await(r -> ("channel:" + setup.strong()).equals(r.key())
                    && r.value().contains("\"ContainmentLifted\"") && r.value().contains(anomaly), PATIENCE);
            assertTrue(lifted.value().contains("\"liftedBy\":\"carol\""), lifted.value());
        }
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON).body(Map.of("comment", "again"))
                .post("/budget/guard/anomalies/" + anomaly + "/resolve").then().statusCode(409);
        given().auth().oauth2(Tokens.user("carol")).get("/budget/guard/frozen-channels").then()
                .body("'" + setup.strong() + "'", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void freezingNeedsAReasonAndOnlyTheCoeMayTouchTheGuardrails() {
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON).body(Map.of("frozen", true))
                .put("/budget/kill-switch").then().statusCode(400).body("violations[0].field", equalTo("reason"));
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                .body(Map.of("maxAmountMoved", Map.of("EUR", "-5"), "maxPercentOfTotal", "5"))
                .put("/budget/approval-policy").then().statusCode(400);
        given().auth().oauth2(Tokens.serviceAccount("channel-search")).contentType(ContentType.JSON)
                .body(Map.of("frozen", false)).put("/budget/kill-switch").then().statusCode(403);
        given().auth().oauth2(Tokens.user("alice")).get("/budget/approval-policy").then().statusCode(403);
    }

    @Test
    void amountThresholdsArePerCurrencyAndCheckedAtTheEdge() {
        putPolicy(Map.of("EUR", "500", "JPY", "80000")).statusCode(200)
                .body("maxAmountMoved.EUR", equalTo(500.0f)).body("maxAmountMoved.JPY", equalTo(80000));
        putPolicy(Map.of("XYZ", "5")).statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("maxAmountMoved.XYZ"));
        putPolicy(Map.of("JPY", "1.5")).statusCode(400).body("violations[0].field", equalTo("maxAmountMoved.JPY"));
        putPolicy(Map.of("eur", "5")).statusCode(400);
        putPolicy("500").statusCode(400);
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                .body(Map.of("maxAmountMoved", Map.of("EUR", "500"), "maxPercentOfTotal", "10",
                        "channels", Map.of("search", Map.of("maxAmount", Map.of("ABC", "5")))))
                .put("/budget/approval-policy").then().statusCode(400)
                .body("violations[0].field", equalTo("channels.search.maxAmount.ABC"));
        given().auth().oauth2(Tokens.user("carol")).get("/budget/approval-policy").then().statusCode(200)
                .body("maxAmountMoved.EUR", equalTo(500.0f)).body("maxAmountMoved.JPY", equalTo(80000));
    }

    @Test
    void aMoveInACurrencyWithoutAThresholdWaitsForApproval() {
        putPolicy(Map.of("EUR", "100000")).statusCode(200);
        Setup setup = runningPlan("USD");
        String proposal = newEvidence(setup);

        assertEquals("AWAITING_APPROVAL", status(setup, proposal));
        assertTrue(field(setup, proposal, "reason").contains("no amount limit in USD"),
                field(setup, proposal, "reason"));
    }

    @Test
    void everyChangeOfTheGuardrailsIsKeptWithWhoWhenBeforeAndAfterNewestFirst() {
        putPolicy(Map.of("EUR", "700")).statusCode(200);
        putPolicy(Map.of("EUR", "800", "USD", "900")).statusCode(200);
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                .body(Map.of("frozen", true, "reason", "year-end close")).put("/budget/kill-switch")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                .body(Map.of("frozen", false)).put("/budget/kill-switch").then().statusCode(200);

        given().auth().oauth2(Tokens.user("carol")).get("/budget/approval-policy/history?size=2")
                .then().statusCode(200).body("size()", equalTo(2))
                .body("[0].changedBy", equalTo("carol"))
                .body("[0].before.maxAmountMoved.EUR", equalTo(700.0f))
                .body("[0].after.maxAmountMoved.EUR", equalTo(800.0f))
                .body("[0].after.maxAmountMoved.USD", equalTo(900.0f))
                .body("[1].after.maxAmountMoved.EUR", equalTo(700.0f));
        given().auth().oauth2(Tokens.user("carol")).get("/budget/approval-policy/history?page=1&size=1")
                .then().statusCode(200).body("[0].after.maxAmountMoved.EUR", equalTo(700.0f));
        given().auth().oauth2(Tokens.user("carol")).get("/budget/kill-switch/history?size=2")
                .then().statusCode(200)
                .body("[0].before.frozen", equalTo(true)).body("[0].after.frozen", equalTo(false))
                .body("[1].after.reason", equalTo("year-end close")).body("[1].changedBy", equalTo("carol"));

        given().auth().oauth2(Tokens.user("carol")).get("/budget/kill-switch/history?size=0")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.serviceAccount("channel-search")).get("/budget/approval-policy/history")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.user("alice")).get("/budget/kill-switch/history").then().statusCode(403);
    }

    @Test
    void aRollbackRestoresTheAllocationsBeforeTheMoveOnce() {
        policy("1000", "10");
        Setup setup = runningPlan();
        String proposal = newEvidence(setup);
        assertEquals("APPLIED", status(setup, proposal));

        given().auth().oauth2(Tokens.user("carol")).post("/budget/reallocations/" + proposal + "/rollback")
                .then().statusCode(200).body("status", equalTo("ROLLED_BACK")).body("rolledBackBy", equalTo("carol"));

        assertEquals(Map.of(setup.strong(), 3100.0f, setup.weak(), 3100.0f), allocations(setup.planId()));
        given().auth().oauth2(Tokens.user("carol")).post("/budget/reallocations/" + proposal + "/rollback")
                .then().statusCode(409);
    }

    @Test
    void aRollbackIsRefusedWhenTheMovedChannelsChangedSince() {
        policy("1000", "10");
        Setup setup = runningPlan();
        String proposal = newEvidence(setup);
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                .body(Map.of("allocations", Map.of(setup.strong(), "3800")))
                .put("/budget/plans/" + setup.planId() + "/allocations").then().statusCode(200);

        given().auth().oauth2(Tokens.user("carol")).post("/budget/reallocations/" + proposal + "/rollback")
                .then().statusCode(409);
        assertEquals(Map.of(setup.strong(), 3800.0f, setup.weak(), 2480.0f), allocations(setup.planId()));
    }

    /** attribution-service's {@code AnomalyDetected} of one of its data-quality detectors, as it writes it. */
    private static String reportedAnomaly(UUID eventId, String detector, String channel) {
        return """
                {"id":"%s","type":"AnomalyDetected","version":1,"source":"attribution-service",
                 "time":"%s","subject":"channel:%s",
                 "data":{"anomalyId":"%s","detector":"%s","channel":"%s","detectedAt":"%s",
                         "observed":0.2857,"expected":0.2,"statistic":60,
                         "evidence":"%s: 60 of 210 touchpoints (28.6 %%) were already seen","action":"ALERT_ONLY"}}
                """.formatted(eventId, Instant.now(), channel, UUID.randomUUID(), detector, channel, Instant.now(),
                channel);
    }

    /**
     * Issue 15's "roll back the last move" as the CoE's automatic action: a duplicate-event storm reported on the weak
     * channel (delivered twice, over the real Kafka) rolls back the move the loop made from it — both channels back
     * to their 3,100 — once, freezes the channel so that the loop does not make the move again, and hands the
     * incident over naming the move. Detectors about campaigns' spend refuse the action.
     */
    @Test
    void anAnomalyRollsBackTheChannelsLastMoveOnceWhenTheCoeChoseThatAction() {
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                .body(Map.of("action", "ROLL_BACK_LAST_MOVE")).put("/budget/guard/detectors/spend-runaway").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("action"));
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                .body(Map.of("action", "ROLL_BACK_LAST_MOVE")).put("/budget/guard/detectors/uncleared-spend").then()
                .statusCode(400).body("violations[0].field", equalTo("action"));
        policy("1000", "10");
        Setup setup = runningPlan();
        String proposal = newEvidence(setup);
        assertEquals("APPLIED", status(setup, proposal));
        assertEquals(Map.of(setup.strong(), 3720.0f, setup.weak(), 2480.0f), allocations(setup.planId()));

        String anomaly;
        try (TopicTap events = TopicTap.open(Topics.BUDGET_EVENTS);
             TopicTap requests = TopicTap.open(Topics.APPROVAL_REQUESTS)) {
            given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                    .body(Map.of("action", "ROLL_BACK_LAST_MOVE")).put("/budget/guard/detectors/duplicate-events")
                    .then().statusCode(200).body("action", equalTo("ROLL_BACK_LAST_MOVE"));
            UUID event = UUID.randomUUID();
            String storm = reportedAnomaly(event, "duplicate-events", setup.weak());
            TestProducer.send(Topics.BUDGET_EVENTS, "channel:" + setup.weak(), storm);
            TestProducer.send(Topics.BUDGET_EVENTS, "channel:" + setup.weak(), storm);
            // Same key, same partition: once the marker (on a channel of its own) is contained, both copies before
            // it have been consumed.
            String marker = "marker-" + UUID.randomUUID().toString().substring(0, 8);
            TestProducer.send(Topics.BUDGET_EVENTS, "channel:" + setup.weak(),
                    reportedAnomaly(UUID.randomUUID(), "event-timing", marker));
            await().atMost(PATIENCE).until(() -> db.count("select count(*) from guard_anomaly where channel = ?",
                    marker) == 1);

            anomaly = db.strings("select id::text from guard_anomaly where channel = ? and detector = "
                    + "'duplicate-events'", setup.weak()).getFirst();
            ConsumerRecord<String, String> applied = events.await(r -> ("channel:" + setup.weak()).equals(r.key())
                    && r.value().contains("\"ContainmentApplied\"") && r.value().contains(anomaly), PATIENCE);
            assertTrue(applied.value().contains("\"action\":\"ROLL_BACK_LAST_MOVE\""), applied.value());
            ConsumerRecord<String, String> incident = requests.await(r -> r.value().contains("\"Incident\"")
                    && r.value().contains("\"reference\":\"" + anomaly + "\""), PATIENCE);
            assertTrue(incident.value().contains("last budget move rolled back"), incident.value());
            assertTrue(incident.value().contains("\"rolledBackMove\":\"" + proposal + "\""), incident.value());
        } finally {
            given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                    .body(Map.of("action", "FREEZE_CHANNEL")).put("/budget/guard/detectors/duplicate-events")
                    .then().statusCode(200);
        }
        assertEquals(1, db.count("select count(*) from guard_anomaly where channel = ? and detector = "
                + "'duplicate-events'", setup.weak()));
        assertEquals(Map.of(setup.strong(), 3100.0f, setup.weak(), 3100.0f), allocations(setup.planId()));
        assertEquals("ROLLED_BACK", status(setup, proposal));
        assertEquals("budget-service (risk guard), anomaly " + anomaly, field(setup, proposal, "rolledBackBy"));
        given().auth().oauth2(Tokens.user("carol")).queryParam("channel", setup.weak())
                .get("/budget/guard/anomalies").then().statusCode(200)
                .body("find { it.id == '" + anomaly + "' }.action", equalTo("ROLL_BACK_LAST_MOVE"))
                .body("find { it.id == '" + anomaly + "' }.rolledBackMove", equalTo(proposal))
                .body("find { it.id == '" + anomaly + "' }.containmentDetail",
                        org.hamcrest.Matchers.containsString("rolled back"));

        // Frozen as well: the loop's next move, which would change the weak channel again, is not made.
        String next = newEvidence(setup);
        assertEquals("FROZEN", status(setup, next));
        assertEquals(Map.of(setup.strong(), 3100.0f, setup.weak(), 3100.0f), allocations(setup.planId()));
    }

    @Test
    void aDecisionOnAProposalWithAMalformedReferenceIsDeadLettered() {
        UUID id = UUID.randomUUID();
        String poison = decision("ApprovalGranted", UUID.randomUUID().toString(), "not-a-proposal", id);
        try (TopicTap dlq = TopicTap.open(Topics.DEAD_LETTER)) {
            TestProducer.send(Topics.APPROVAL_DECISIONS, "plan:x", poison);
            ConsumerRecord<String, String> dead = dlq.await(r -> r.value().contains(id.toString()), PATIENCE);
            String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.contains("not-a-proposal"), reason);
        }
    }
}
