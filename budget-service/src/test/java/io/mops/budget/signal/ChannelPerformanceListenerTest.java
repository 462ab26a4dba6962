package io.mops.budget.signal;

import io.mops.budget.DeadLetterCount;
import io.mops.common.events.Topics;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.ServiceMetrics;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.TestProducer;
import io.mops.testsupport.TopicTap;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static io.mops.budget.signal.SignalFixtures.event;
import static io.mops.budget.signal.SignalFixtures.uniqueChannel;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Consumption of attribution's ChannelPerformanceUpdated over the real Kafka, into the real database: one signal per
 * channel, model, currency and period, the highest revision winning. Every test uses channels of its own.
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class ChannelPerformanceListenerTest {

    private static final LocalDate WEEK = LocalDate.parse("2026-11-16");
    private static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");
    private final TestDatabase db = TestDatabase.named("mops_budget_test");

    private long stored(UUID eventId) {
        return db.count("select count(*) from channel_signal where event_id = ?", eventId);
    }

    /** This consumer's inbox rows only: the reallocation loop records the same event under its own name. */
    private long processed(UUID eventId) {
        return db.count("select count(*) from processed_event where consumer = ? and event_id = ?",
                ChannelPerformanceListener.CONSUMER, eventId);
    }

    private static void send(String channel, String event) {
        TestProducer.send(Topics.CHANNEL_PERFORMANCE, "channel:" + channel, event);
    }

    @Test
    void redeliveredEventHasNoSecondEffect() {
        String channel = uniqueChannel("search");
        UUID id = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        send(channel, event(id, NOON, channel, "markov-1", "WEEK", WEEK, 1, "2000.00", "1000.00"));
        send(channel, event(id, NOON, channel, "markov-1", "WEEK", WEEK, 1, "2000.00", "1000.00"));
        // Same key, same partition: once the marker is applied, both copies before it have been consumed.
        send(channel, event(marker, NOON, channel, "markov-1", "WEEK", WEEK.minusWeeks(1), 1, "1000.00", "500.00"));

        await().atMost(Duration.ofSeconds(60)).until(() -> stored(marker) == 1);
        assertEquals(1, stored(id));
        assertEquals(1, processed(id));
        assertEquals(2, db.count("select count(*) from channel_signal where channel = ?", channel));
    }

    @Test
    void aLaterRevisionReplacesItsPeriodAndAnEarlierOneArrivingLateDoesNot() {
        String channel = uniqueChannel("social");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID stale = UUID.randomUUID();
        UUID sameRevisionLater = UUID.randomUUID();
        UUID sameRevisionEarlier = UUID.randomUUID();
        send(channel, event(first, NOON, channel, "markov-1", "WEEK", WEEK, 1, "2000.00", "1000.00"));
        send(channel, event(second, NOON.plusSeconds(3600), channel, "markov-1", "WEEK", WEEK, 2, "2100.00", "1000.00"));
        // Revision 1 again, announced even later (a replay): it is older evidence than revision 2.
        send(channel, event(stale, NOON.plusSeconds(7200), channel, "markov-1", "WEEK", WEEK, 1, "1.00", "1.00"));
        await().atMost(Duration.ofSeconds(60)).until(() -> processed(stale) == 1);
        assertEquals(1, db.count("select count(*) from channel_signal where channel = ?", channel),
                "one value per channel, model and period");
        assertEquals(1, stored(second));
        assertEquals(1, db.count("select count(*) from channel_signal where channel = ? and revision = 2 "
                + "and credited_value = 2100", channel));

        // The same revision twice: the one announced later wins, whatever the order of arrival.
        send(channel, event(sameRevisionLater, NOON.plusSeconds(9000), channel, "markov-1", "WEEK", WEEK, 2,
                "2200.00", "1000.00"));
        send(channel, event(sameRevisionEarlier, NOON.plusSeconds(8000), channel, "markov-1", "WEEK", WEEK, 2,
                "2150.00", "1000.00"));
        await().atMost(Duration.ofSeconds(60)).until(() -> processed(sameRevisionEarlier) == 1);
        assertEquals(1, stored(sameRevisionLater));
        assertEquals(0, stored(sameRevisionEarlier));
    }

    @Test
    void signalsOfAnotherModelOrPeriodKindAreKeptBesideEachOther() {
        String channel = uniqueChannel("email");
        UUID markov = UUID.randomUUID();
        UUID linear = UUID.randomUUID();
        UUID day = UUID.randomUUID();
        send(channel, event(markov, NOON, channel, "markov-1", "WEEK", WEEK, 1, "2000.00", "1000.00"));
        send(channel, event(linear, NOON, channel, "linear", "WEEK", WEEK, 1, "2500.00", "1000.00"));
        send(channel, event(day, NOON, channel, "markov-1", "DAY", WEEK, 1, "300.00", "140.00"));
        await().atMost(Duration.ofSeconds(60)).until(() -> processed(day) == 1);
        assertEquals(1, stored(markov));
        assertEquals(1, stored(linear));
        assertEquals(1, stored(day));
    }

    @Test
    void version1TrailingWindowsAreDeadLetteredWithTheReason() {
        String channel = uniqueChannel("search");
        UUID old = UUID.randomUUID();
        String version1 = """
                {"id":"%s","type":"ChannelPerformanceUpdated","version":1,"source":"attribution-service",
                 "time":"2026-11-25T10:00:00Z","subject":"channel:%s",
                 "data":{"channel":"%s","model":"markov-1","windowStart":"2026-10-29","windowEnd":"2026-11-25",
                         "creditedConversions":40,"creditedValue":2000.00,"spend":1000.00,"currency":"EUR"}}
                """.formatted(old, channel, channel);
        try (TopicTap dlq = TopicTap.open(Topics.DEAD_LETTER)) {
            send(channel, version1);
            ConsumerRecord<String, String> dead = dlq.await(r -> r.value().contains(old.toString()),
                    Duration.ofSeconds(60));
            String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.contains("unsupported version 1"), reason);
            assertEquals(0, db.count("select count(*) from channel_signal where channel = ?", channel));
        }
    }

    @Test
    void malformedMessageIsDeadLetteredAndTheNextOneIsStillApplied() {
        String channel = uniqueChannel("email");
        UUID good = UUID.randomUUID();
        String garbage = "{\"id\": \"" + UUID.randomUUID() + "\", \"type\": ";
        double deadBefore = DeadLetterCount.of(Topics.CHANNEL_PERFORMANCE);
        try (TopicTap dlq = TopicTap.open(Topics.DEAD_LETTER)) {
            send(channel, garbage);
            send(channel, event(good, NOON, channel, "markov-1", "WEEK", WEEK, 1, "500.00", "250.00"));

            ConsumerRecord<String, String> dead = dlq.await(r -> garbage.equals(r.value()), Duration.ofSeconds(60));
            Header reason = dead.headers().lastHeader("dead-letter-reason");
            assertNotNull(reason, "the dead letter says why");
            assertTrue(new String(reason.value(), StandardCharsets.UTF_8).contains("not an event envelope"));
            // ... and is counted for the CoE overview, under the topic it was read from.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> DeadLetterCount.of(Topics.CHANNEL_PERFORMANCE) >= deadBefore + 1);

            await().atMost(Duration.ofSeconds(60)).until(() -> stored(good) == 1);
        }
    }

    @Test
    void eventWithInvalidDataIsDeadLetteredWithTheOffendingField() {
        String channel = uniqueChannel("social");
        UUID bad = UUID.randomUUID();
        UUID tuesday = UUID.randomUUID();
        try (TopicTap dlq = TopicTap.open(Topics.DEAD_LETTER)) {
            send(channel, event(bad, NOON, channel, "markov-1", "WEEK", WEEK, 1, "500.00", "-3"));
            send(channel, event(tuesday, NOON, channel, "markov-1", "WEEK", WEEK.plusDays(1), 1, "500.00", "3"));

            ConsumerRecord<String, String> dead = dlq.await(r -> r.value().contains(bad.toString()), Duration.ofSeconds(60));
            String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.contains("spend"), reason);
            dead = dlq.await(r -> r.value().contains(tuesday.toString()), Duration.ofSeconds(60));
            reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.contains("periodStart 2026-11-17 is a TUESDAY"), reason);
            assertEquals(0, stored(bad));
            assertEquals(0, stored(tuesday));
        }
    }

    /**
     * A single-record consumer with the database away for a few seconds (this test database only): each signal is
     * retried until the database is back and applied once, none is dead-lettered, the service is ready afterwards.
     */
    @Test
    void signalsArrivingWhileTheDatabaseIsAwayAreAppliedOnceAndNoneDeadLettered() throws InterruptedException {
        String channel = uniqueChannel("search");
        List<UUID> ids = Stream.generate(UUID::randomUUID).limit(4).toList();
        double retriedBefore = ServiceMetrics.sample("mops_consumer_database_outage_retries_total");
        try (TopicTap dlq = TopicTap.open(Topics.DEAD_LETTER)) {
            try (TestDatabase.Outage outage = db.takeAway()) {
                for (int i = 0; i < ids.size(); i++) {
                    send(channel, event(ids.get(i), NOON, channel, "markov-1", "WEEK", WEEK.minusWeeks(i), 1,
                            "2000.00", "1000.00"));
                }
                Thread.sleep(6_000);
            }
            await().atMost(Duration.ofSeconds(90)).until(() ->
                    db.count("select count(*) from channel_signal where channel = ?", channel) == ids.size());
            for (UUID id : ids) {
                assertEquals(1, stored(id));
                assertEquals(1, processed(id));
            }
            assertEquals(List.of(), dlq.collect(r -> ids.stream().anyMatch(id -> r.value().contains(id.toString())),
                    Duration.ofSeconds(3)));
        }
        assertTrue(ServiceMetrics.sample("mops_consumer_database_outage_retries_total") > retriedBefore,
                "the consumer met the outage and retried");
        // Ready again by itself: no restart, no person.
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
