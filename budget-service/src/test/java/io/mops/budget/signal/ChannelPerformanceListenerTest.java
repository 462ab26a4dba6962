package io.mops.budget.signal;

import io.mops.common.events.Topics;
import io.mops.testsupport.MopsInfra;
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
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Consumption of attribution's ChannelPerformanceUpdated over the real Kafka, into the real database. */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class ChannelPerformanceListenerTest {

    private final TestDatabase db = TestDatabase.named("mops_budget_test");

    static String event(UUID id, String channel, String spend) {
        return """
                {"id":"%s","type":"ChannelPerformanceUpdated","version":1,"source":"attribution-service",
                 "time":"2026-11-25T10:00:00Z","subject":"channel:%s",
                 "data":{"channel":"%s","model":"linear","windowStart":"2026-11-01","windowEnd":"2026-11-24",
                         "creditedConversions":40,"creditedValue":2000.00,"spend":%s,"currency":"EUR","roas":2.0}}
                """.formatted(id, channel, channel, spend);
    }

    private long signals(UUID eventId) {
        return db.count("select count(*) from channel_signal where event_id = ?", eventId);
    }

    @Test
    void redeliveredEventHasNoSecondEffect() {
        UUID id = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        TestProducer.send(Topics.CHANNEL_PERFORMANCE, "channel:search", event(id, "search", "1000.00"));
        TestProducer.send(Topics.CHANNEL_PERFORMANCE, "channel:search", event(id, "search", "1000.00"));
        // Same key, same partition: once the marker is applied, both copies before it have been consumed.
        TestProducer.send(Topics.CHANNEL_PERFORMANCE, "channel:search", event(marker, "search", "1000.00"));

        await().atMost(Duration.ofSeconds(60)).until(() -> signals(marker) == 1);
        assertEquals(1, signals(id));
        // Only this consumer's row: the reallocation loop records the same event under its own consumer name
        // whenever some running plan funds the channel.
        assertEquals(1, db.count("select count(*) from processed_event where consumer = ? and event_id = ?",
                ChannelPerformanceListener.CONSUMER, id));
    }

    @Test
    void malformedMessageIsDeadLetteredAndTheNextOneIsStillApplied() {
        UUID good = UUID.randomUUID();
        String garbage = "{\"id\": \"" + UUID.randomUUID() + "\", \"type\": ";
        try (TopicTap dlq = TopicTap.open(Topics.DEAD_LETTER)) {
            TestProducer.send(Topics.CHANNEL_PERFORMANCE, "channel:email", garbage);
            TestProducer.send(Topics.CHANNEL_PERFORMANCE, "channel:email", event(good, "email", "500.00"));

            ConsumerRecord<String, String> dead = dlq.await(r -> garbage.equals(r.value()), Duration.ofSeconds(60));
            Header reason = dead.headers().lastHeader("dead-letter-reason");
            assertNotNull(reason, "the dead letter says why");
            assertTrue(new String(reason.value(), StandardCharsets.UTF_8).contains("not an event envelope"));

            await().atMost(Duration.ofSeconds(60)).until(() -> signals(good) == 1);
        }
    }

    @Test
    void eventWithInvalidDataIsDeadLetteredWithTheOffendingField() {
        UUID bad = UUID.randomUUID();
        try (TopicTap dlq = TopicTap.open(Topics.DEAD_LETTER)) {
            TestProducer.send(Topics.CHANNEL_PERFORMANCE, "channel:social", event(bad, "social", "-3"));

            ConsumerRecord<String, String> dead = dlq.await(r -> r.value().contains(bad.toString()), Duration.ofSeconds(60));
            String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.contains("spend"), reason);
            assertEquals(0, signals(bad));
        }
    }
}
