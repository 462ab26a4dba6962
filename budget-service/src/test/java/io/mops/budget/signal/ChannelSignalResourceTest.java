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
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@WithTestResource(MopsInfra.class)
class ChannelSignalResourceTest {

    static final String PATH = "/budget/channel-signals";

    @BeforeEach
    void signalsForTwoChannels() {
        TestDatabase db = TestDatabase.named("mops_budget_test");
        UUID search = UUID.randomUUID();
        UUID social = UUID.randomUUID();
        TestProducer.send(Topics.CHANNEL_PERFORMANCE, "channel:search", ChannelPerformanceListenerTest.event(search, "search", "10"));
        TestProducer.send(Topics.CHANNEL_PERFORMANCE, "channel:social", ChannelPerformanceListenerTest.event(social, "social", "10"));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                db.count("select count(*) from channel_signal where event_id in (?, ?)", search, social) == 2);
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
    }

    @Test
    void coeSeesEveryChannel() {
        given().auth().oauth2(Tokens.user("carol")).queryParam("limit", 500).get(PATH)
                .then().statusCode(200).body("channel", hasItems("search", "social"));
    }
}
