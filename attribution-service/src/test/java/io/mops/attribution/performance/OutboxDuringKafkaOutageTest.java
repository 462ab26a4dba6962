package io.mops.attribution.performance;

import io.mops.common.events.Topics;
import io.mops.testsupport.LocalStack;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.Tokens;
import io.mops.testsupport.TopicTap;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The outbox's promise: an event committed while Kafka is down is published once Kafka is back. */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class OutboxDuringKafkaOutageTest {

    @Test
    void eventWrittenWhileKafkaIsDownIsDeliveredOnceKafkaIsBack() {
        LocalStack stack = LocalStack.ensureRunning();
        TestDatabase db = TestDatabase.named("mops_attribution_test");
        try (TopicTap tap = TopicTap.open(Topics.CHANNEL_PERFORMANCE)) {
            String eventId;
            // A broker this checkout did not start (reused from another one) cannot be taken down from here.
            assumeTrue(stack.stopKafka(), "Kafka on port " + stack.kafkaPort() + " was not started by this checkout");
            try {
                eventId = given().auth().oauth2(Tokens.serviceAccount("mops-coe"))
                        .contentType(ContentType.JSON).body(ChannelPerformanceResourceTest.report("social"))
                        .post(ChannelPerformanceResourceTest.PATH)
                        .then().statusCode(201)
                        .extract().path("eventId");

                // The relay tried, failed, and kept the row for later.
                await().atMost(Duration.ofSeconds(60)).until(() -> db.count(
                        "select count(*) from outbox_event where id = ?::uuid and attempts > 0 and published_at is null",
                        eventId) == 1);
            } finally {
                stack.startKafka();
            }

            tap.await(r -> r.value().contains(eventId), Duration.ofSeconds(90));
            assertEquals(1, tap.collect(r -> r.value().contains(eventId), Duration.ofSeconds(3)).size());
            assertEquals(1, db.count(
                    "select count(*) from outbox_event where id = ?::uuid and published_at is not null", eventId));
        }
    }
}
