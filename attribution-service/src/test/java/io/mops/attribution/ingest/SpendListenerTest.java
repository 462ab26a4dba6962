package io.mops.attribution.ingest;

import io.mops.common.events.CampaignSpendReported;
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

/** Spend reports from the real Kafka into the real database. */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class SpendListenerTest {

    private final TestDatabase db = TestDatabase.named("mops_attribution_test");

    static String event(UUID id, UUID campaign, String data) {
        return """
                {"id":"%s","type":"CampaignSpendReported","version":1,"source":"channel-search",
                 "time":"2026-11-25T10:00:00Z","subject":"campaign:%s","data":%s}
                """.formatted(id, campaign, data);
    }

    static String spend(UUID campaign, String channelField) {
        return """
                {"campaignId":"%s","day":"2026-11-24","amount":120.50,"currency":"EUR"%s}"""
                .formatted(campaign, channelField);
    }

    private long stored(UUID eventId) {
        return db.count("select count(*) from channel_spend where event_id = ?", eventId);
    }

    @Test
    void spendOfAChannelIsStoredOnceEvenWhenDeliveredTwice() {
        UUID campaign = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        String key = "campaign:" + campaign;
        TestProducer.send(CampaignSpendReported.TOPIC, key, event(id, campaign, spend(campaign, ",\"channel\":\"search\"")));
        TestProducer.send(CampaignSpendReported.TOPIC, key, event(id, campaign, spend(campaign, ",\"channel\":\"search\"")));
        // Same key, same partition: once the marker is stored, both copies before it have been consumed.
        TestProducer.send(CampaignSpendReported.TOPIC, key, event(marker, campaign, spend(campaign, ",\"channel\":\"search\"")));

        await().atMost(Duration.ofSeconds(60)).until(() -> stored(marker) == 1);
        assertEquals(1, stored(id));
        assertEquals(1, db.count("select count(*) from channel_spend where event_id = ? and channel = 'search'"
                + " and campaign_id = ? and day = '2026-11-24' and amount = 120.50 and currency = 'EUR'", id, campaign));
    }

    @Test
    void aReportWithoutAChannelIsSkippedAndTheConsumerCarriesOn() {
        UUID campaign = UUID.randomUUID();
        UUID withoutChannel = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        String key = "campaign:" + campaign;
        TestProducer.send(CampaignSpendReported.TOPIC, key, event(withoutChannel, campaign, spend(campaign, "")));
        TestProducer.send(CampaignSpendReported.TOPIC, key, event(marker, campaign, spend(campaign, ",\"channel\":\"email\"")));

        await().atMost(Duration.ofSeconds(60)).until(() -> stored(marker) == 1);
        assertEquals(0, stored(withoutChannel));
    }

    @Test
    void aNegativeAmountIsDeadLetteredNamingTheField() {
        UUID campaign = UUID.randomUUID();
        UUID bad = UUID.randomUUID();
        try (TopicTap dlq = TopicTap.open(Topics.DEAD_LETTER)) {
            TestProducer.send(CampaignSpendReported.TOPIC, "campaign:" + campaign, event(bad, campaign, """
                    {"campaignId":"%s","day":"2026-11-24","amount":-1,"currency":"EUR","channel":"search"}"""
                    .formatted(campaign)));

            ConsumerRecord<String, String> dead = dlq.await(r -> r.value().contains(bad.toString()), Duration.ofSeconds(60));
            String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.contains("amount"), reason);
            assertEquals(0, stored(bad));
        }
    }
}
