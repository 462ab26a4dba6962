package io.mops.attribution.ingest;

import io.mops.common.events.ConversionObserved;
import io.mops.common.events.Topics;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.TestProducer;
import io.mops.testsupport.TopicTap;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conversions from the real Kafka into the real database. */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class ConversionListenerTest {

    private final TestDatabase db = TestDatabase.named("mops_attribution_test");

    static String event(UUID id, String userId, String value) {
        return """
                {"id":"%s","type":"ConversionObserved","version":1,"source":"shop",
                 "time":"2026-11-25T10:00:00Z","subject":"customer:%s",
                 "data":{"userId":"%s","anonymousId":"cookie-7","occurredAt":"2026-11-24T18:00:00Z",
                         "value":%s,"currency":"EUR"}}
                """.formatted(id, userId, userId, value);
    }

    private long stored(UUID eventId) {
        return db.count("select count(*) from conversion where event_id = ?", eventId);
    }

    @Test
    void aConversionIsStoredOnceEvenWhenDeliveredTwice() {
        UUID id = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        String user = "user-" + id;
        TestProducer.send(ConversionObserved.TOPIC, "customer:" + user, event(id, user, "129.90"));
        TestProducer.send(ConversionObserved.TOPIC, "customer:" + user, event(id, user, "129.90"));
        TestProducer.send(ConversionObserved.TOPIC, "customer:" + user, event(marker, user, "10"));

        await().atMost(Duration.ofSeconds(60)).until(() -> stored(marker) == 1);
        assertEquals(1, stored(id));
        assertEquals(1, db.count("select count(*) from conversion where event_id = ? and value = 129.90"
                + " and anonymous_id = 'cookie-7'", id));
    }

    @Test
    void aNegativeValueIsDeadLetteredNamingTheField() {
        UUID bad = UUID.randomUUID();
        try (TopicTap dlq = TopicTap.open(Topics.DEAD_LETTER)) {
            TestProducer.send(ConversionObserved.TOPIC, "customer:u3", event(bad, "u3", "-5"));

            ConsumerRecord<String, String> dead = dlq.await(r -> r.value().contains(bad.toString()), Duration.ofSeconds(60));
            String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.contains("value"), reason);
            assertEquals(0, stored(bad));
        }
    }
}
