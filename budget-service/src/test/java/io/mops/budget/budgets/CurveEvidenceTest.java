package io.mops.budget.budgets;

import io.mops.budget.curve.ResponseCurve;
import io.mops.budget.curve.ResponseCurveFitter;
import io.mops.budget.signal.SignalFixtures;
import io.mops.common.events.Topics;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.TestProducer;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static io.mops.budget.budgets.Budgets.PLANS;
import static io.mops.budget.budgets.Budgets.createPlan;
import static io.mops.budget.budgets.Budgets.monthAhead;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evidence a response curve is fitted on, end to end: attribution's weekly channel performance arrives over the
 * real Kafka in a scrambled order, with revisions (some of them late), redeliveries, signals of another model and of
 * another period kind; the proposal shows the curve the optimiser used. The truth is known — noise-free data from a
 * known adstock and Hill curve — and the fitted curve recovers it only if the fitter received the configured model's
 * latest revision of every week, in the order of the weeks.
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class CurveEvidenceTest {

    /** Weekly truth: half of a week's effect carries into the next, which makes the order of the weeks matter. */
    private static final ResponseCurve TRUTH = new ResponseCurve(0.5, 9000, 4000, 1.2);
    private static final int WEEKS = 30;
    private static final LocalDate FIRST = LocalDate.parse("2025-06-02");

    private final TestDatabase db = TestDatabase.named("mops_budget_test");

    private static String cents(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private long processed(Set<UUID> ids) {
        return ids.stream().mapToLong(id -> db.count("select count(*) from processed_event where event_id = ? "
                + "and consumer = 'budget.channel-signal'", id)).sum();
    }

    @Test
    void theCurveIsFittedOnTheLatestRevisionOfEachWeekOfTheConfiguredModelInTheOrderOfTheWeeks() {
        String channel = SignalFixtures.uniqueChannel("search");
        String partner = SignalFixtures.uniqueChannel("email");
        String linearOnly = SignalFixtures.uniqueChannel("video");
        String gappy = SignalFixtures.uniqueChannel("social");
        Random random = new Random(26);
        double[] spend = new double[WEEKS];
        for (int t = 0; t < WEEKS; t++) {
            spend[t] = 500 + 3000 * random.nextDouble();
        }
        double[] value = TRUTH.predict(spend);

        List<String> events = new ArrayList<>();
        Set<UUID> ids = new HashSet<>();
        Instant time = Instant.parse("2026-01-05T06:00:00Z");
        for (int t = 0; t < WEEKS; t++) {
            LocalDate monday = FIRST.plusWeeks(t);
            UUID truth = UUID.randomUUID();
            ids.add(truth);
            if (t % 3 == 0) {
                // A first publication with half the value, then the revision with all of it (late conversions).
                UUID draft = UUID.randomUUID();
                ids.add(draft);
                events.add(SignalFixtures.event(draft, time, channel, "markov-1", "WEEK", monday, 1,
                        cents(value[t] / 2), cents(spend[t])));
                events.add(SignalFixtures.event(truth, time.plusSeconds(3600), channel, "markov-1", "WEEK", monday,
                        2, cents(value[t]), cents(spend[t])));
            } else {
                events.add(SignalFixtures.event(truth, time, channel, "markov-1", "WEEK", monday, 1, cents(value[t]),
                        cents(spend[t])));
                // The same event delivered twice.
                events.add(SignalFixtures.event(truth, time, channel, "markov-1", "WEEK", monday, 1, cents(value[t]),
                        cents(spend[t])));
            }
            // Another model's credit of the same week, and the week's first day as a day: neither is evidence here.
            UUID linear = UUID.randomUUID();
            UUID day = UUID.randomUUID();
            ids.add(linear);
            ids.add(day);
            events.add(SignalFixtures.event(linear, time, channel, "linear", "WEEK", monday, 1,
                    cents(value[t] * 3 * random.nextDouble()), cents(spend[t])));
            events.add(SignalFixtures.event(day, time, channel, "markov-1", "DAY", monday, 1, cents(value[t] / 7),
                    cents(3000 * random.nextDouble())));
        }
        // Arrival in a scrambled order (one partition, the channel's key): late revisions come before drafts, too.
        Collections.shuffle(events, new Random(7));
        for (int t = 0; t < WEEKS; t++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            events.add(SignalFixtures.event(id, time, linearOnly, "linear", "WEEK", FIRST.plusWeeks(t), 1,
                    cents(value[t]), cents(spend[t])));
        }
        // Twenty weeks with the fifteenth missing: only the five after the gap are one unbroken series.
        for (int t = 0; t < 20; t++) {
            if (t != 14) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                events.add(SignalFixtures.event(id, time, gappy, "markov-1", "WEEK", FIRST.plusWeeks(t), 1,
                        cents(value[t]), cents(spend[t])));
            }
        }
        List<Map.Entry<String, String>> records = new ArrayList<>();
        for (String event : events) {
            String subject = event.substring(event.indexOf("\"subject\":\"") + 11);
            records.add(Map.entry(subject.substring(0, subject.indexOf('"')), event));
        }
        TestProducer.sendAll(Topics.CHANNEL_PERFORMANCE, records);
        SignalFixtures.weeklyHistory(db, partner, new ResponseCurve(0.3, 4200, 1050, 1.0), 3, "EUR", 60);
        await().atMost(Duration.ofSeconds(120)).until(() -> processed(ids) == ids.size());

        String planId = createPlan(monthAhead("20000", Map.of(channel, "8800", partner, "3100", linearOnly, "1000",
                gappy, "1000")));
        JsonPath proposal = given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                .body(Map.of("maxChangePercent", 20)).post(PLANS + "/" + planId + "/optimise")
                .then().statusCode(200).extract().jsonPath();

        Map<String, Object> move = proposal.getMap("channels.find { it.channel == '" + channel + "' }");
        Map<?, ?> evidence = (Map<?, ?>) move.get("evidence");
        assertEquals("markov-1", evidence.get("model"));
        assertEquals("WEEK", evidence.get("periodKind"));
        assertEquals(FIRST.toString(), evidence.get("firstPeriod"));
        assertEquals(FIRST.plusWeeks(WEEKS - 1).toString(), evidence.get("lastPeriod"));
        assertEquals(WEEKS, evidence.get("periods"), "one value per week: no revision or redelivery counted twice");
        assertEquals(0, evidence.get("leftOutBeforeGap"));
        Map<?, ?> curve = (Map<?, ?>) move.get("curve");
        assertEquals(WEEKS, curve.get("observations"));
        double decay = ((Number) curve.get("adstockDecay")).doubleValue();
        double halfSaturation = ((Number) curve.get("halfSaturation")).doubleValue();
        double maxResponse = ((Number) curve.get("maxResponse")).doubleValue();
        double shape = ((Number) curve.get("shape")).doubleValue();
        double rSquared = ((Number) curve.get("rSquared")).doubleValue();
        String fitted = "fitted " + curve;
        assertTrue(rSquared > 0.999, fitted);
        assertEquals(TRUTH.adstockDecay(), decay, 0.05, fitted);
        assertEquals(TRUTH.halfSaturation(), halfSaturation, 0.1 * TRUTH.halfSaturation(), fitted);
        assertEquals(TRUTH.maxResponse(), maxResponse, 0.1 * TRUTH.maxResponse(), fitted);
        assertEquals(TRUTH.shape(), shape, 0.15, fitted);

        // The check has teeth: the same weeks in a scrambled order explain the value far worse.
        double[] arrivalSpend = new double[WEEKS];
        double[] arrivalValue = new double[WEEKS];
        List<Integer> order = new ArrayList<>();
        for (int t = 0; t < WEEKS; t++) {
            order.add(t);
        }
        Collections.shuffle(order, new Random(7));
        for (int i = 0; i < WEEKS; i++) {
            arrivalSpend[i] = spend[order.get(i)];
            arrivalValue[i] = value[order.get(i)];
        }
        double scrambled = new ResponseCurveFitter().fit(arrivalSpend, arrivalValue).rSquared();
        assertTrue(scrambled < 0.95, "R² of the scrambled order " + scrambled);

        List<Map<String, Object>> held = proposal.getList("held");
        String linearReason = held.stream().filter(h -> linearOnly.equals(h.get("channel"))).findFirst()
                .map(h -> (String) h.get("reason")).orElseThrow(() -> new AssertionError(proposal.prettify()));
        assertTrue(linearReason.contains("markov-1, no week with a signal"), linearReason);
        String gapReason = held.stream().filter(h -> gappy.equals(h.get("channel"))).findFirst()
                .map(h -> (String) h.get("reason")).orElseThrow(() -> new AssertionError(proposal.prettify()));
        assertTrue(gapReason.contains("5 weeks from " + FIRST.plusWeeks(15) + " to " + FIRST.plusWeeks(19).plusDays(6)
                + "; 14 earlier weeks before a gap left out"), gapReason);
    }
}
