package io.mops.budget.signal;

import io.mops.common.events.Topics;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.TestProducer;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
@WithTestResource(MopsInfra.class)
class ChannelSignalResourceTest {

    static final String PATH = "/budget/channel-signals";
    private static final LocalDate WEEK = LocalDate.parse("2026-11-16");

    private final TestDatabase db = TestDatabase.named("mops_budget_test");
    private String social;
    private UUID first;
    private UUID second;
    private UUID linear;

    /** Three signals of a channel of this test's own (two weeks under markov-1, one under linear) and one of search. */
    @BeforeEach
    void signals() {
        social = SignalFixtures.uniqueChannel("social");
        first = UUID.randomUUID();
        second = UUID.randomUUID();
        linear = UUID.randomUUID();
        UUID search = UUID.randomUUID();
        Instant now = Instant.now();
        send(social, SignalFixtures.event(first, now, social, "markov-1", "WEEK", WEEK, 1, "2000.00", "1000.00"));
        send(social, SignalFixtures.event(second, now, social, "markov-1", "WEEK", WEEK.plusWeeks(1), 1, "2100.00",
                "1000.00"));
        send(social, SignalFixtures.event(linear, now, social, "linear", "WEEK", WEEK.plusWeeks(1), 1, "2500.00",
                "1000.00"));
        send("search", SignalFixtures.event(search, now, "search", "markov-1", "WEEK", WEEK.plusWeeks(200), 1,
                "10", "10"));
        await().atMost(Duration.ofSeconds(60)).until(() -> db.count(
                "select count(*) from channel_signal where event_id in (?, ?, ?, ?)", first, second, linear, search) == 4);
    }

    private static void send(String channel, String event) {
        TestProducer.send(Topics.CHANNEL_PERFORMANCE, "channel:" + channel, event);
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        given().get(PATH).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anApproverHasNoBusinessHere() {
        given().auth().oauth2(Tokens.user("alice")).get(PATH).then().statusCode(403);
    }

    @Test
    void channelTeamCannotReadAnotherChannelsSignals() {
        given().auth().oauth2(Tokens.serviceAccount("channel-search")).get(PATH)
                .then().statusCode(200).body("channel", everyItem(equalTo("search"))).body("channel", hasItems("search"));
        given().auth().oauth2(Tokens.serviceAccount("channel-search")).queryParam("channel", social).get(PATH)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void coeSeesEveryChannel() {
        given().auth().oauth2(Tokens.user("carol")).queryParam("limit", 500).get(PATH)
                .then().statusCode(200).body("channel", hasItems("search"));
    }

    @Test
    void signalsCanBeReadByChannelAndModelInPagesWithTheirPeriodsAndWhetherCurvesUseThem() {
        given().auth().oauth2(Tokens.user("carol")).queryParam("channel", social).get(PATH)
                .then().statusCode(200)
                .body("eventId", hasItems(first.toString(), second.toString(), linear.toString()))
                .body("eventId.size()", equalTo(3));
        given().auth().oauth2(Tokens.user("carol")).queryParam("channel", social).queryParam("model", "markov-1")
                .get(PATH)
                .then().statusCode(200)
                .body("periodStart", hasItems(WEEK.toString(), WEEK.plusWeeks(1).toString()))
                .body("periodKind", everyItem(equalTo("WEEK")))
                .body("revision", everyItem(equalTo(1)))
                .body("usedForCurves", everyItem(equalTo(true)))
                .body("eventId.size()", equalTo(2));
        given().auth().oauth2(Tokens.user("carol")).queryParam("channel", social).queryParam("model", "linear")
                .get(PATH)
                .then().statusCode(200)
                .body("eventId", equalTo(List.of(linear.toString())))
                .body("periodEnd", equalTo(List.of(WEEK.plusWeeks(1).plusDays(6).toString())))
                .body("usedForCurves", equalTo(List.of(false)));
        List<String> pageZero = given().auth().oauth2(Tokens.user("carol")).queryParam("channel", social)
                .queryParam("limit", 2).get(PATH).then().statusCode(200).extract().path("eventId");
        List<String> pageOne = given().auth().oauth2(Tokens.user("carol")).queryParam("channel", social)
                .queryParam("limit", 2).queryParam("page", 1).get(PATH).then().statusCode(200).extract().path("eventId");
        assertEquals(2, pageZero.size());
        assertEquals(1, pageOne.size());
        assertFalse(pageZero.contains(pageOne.getFirst()));
    }

    @Test
    void aMalformedFilterIsA400NamingIt() {
        given().auth().oauth2(Tokens.user("carol")).queryParam("channel", "Not A Channel").get(PATH)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("carol")).queryParam("page", -1).get(PATH)
                .then().statusCode(400).contentType("application/problem+json");
    }
}
