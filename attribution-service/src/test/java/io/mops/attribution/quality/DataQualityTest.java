package io.mops.attribution.quality;

import io.mops.common.events.Topics;
import io.mops.common.events.TouchpointObserved;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.TestProducer;
import io.mops.testsupport.TopicTap;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Touchpoints over the real Kafka into the real database: a duplicate storm, mistimed touchpoints and campaigns off
 * the taxonomy each raise one {@code AnomalyDetected} through the outbox; clean touchpoints raise none. The window is
 * ten years long here so that no test straddles two windows; the hour windows are checked in
 * {@link DataQualityRulesTest}.
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
@TestProfile(DataQualityTest.On.class)
class DataQualityTest {

    public static class On implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mops.attribution.quality.enabled", "true",
                    "mops.attribution.quality.window", "P3650D",
                    "mops.attribution.quality.duplicates.min-events", "100",
                    "mops.attribution.quality.taxonomy.campaign-pattern", "20\\d{2}-(0[1-9]|1[0-2])-[a-z0-9-]+");
        }
    }

    private final TestDatabase db = TestDatabase.named("mops_attribution_test");

    private static String channel() {
        return "dq-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map.Entry<String, String> touchpoint(UUID id, String channel, Instant occurredAt, String campaign) {
        String user = "user-" + id;
        return Map.entry("customer:" + user, """
                {"id":"%s","type":"TouchpointObserved","version":1,"source":"channel-test",
                 "time":"%s","subject":"customer:%s",
                 "data":{"userId":"%s","occurredAt":"%s","channel":"%s","campaign":"%s","interaction":"click"}}
                """.formatted(id, Instant.now(), user, user, occurredAt, channel, campaign));
    }

    private static List<UUID> ids(int n) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }

    private void send(List<UUID> ids, String channel, Instant occurredAt, String campaign) {
        TestProducer.sendAll(TouchpointObserved.TOPIC,
                ids.stream().map(id -> touchpoint(id, channel, occurredAt, campaign)).toList());
    }

    private long counted(String channel, String column) {
        return db.count("select coalesce(sum(" + column + "), 0) from quality_window where channel = ?", channel);
    }

    private void awaitCounted(String channel, long events) {
        await().atMost(Duration.ofSeconds(60)).until(() -> counted(channel, "events") == events);
    }

    private long findings(String channel) {
        return db.count("select count(*) from quality_finding where channel = ?", channel);
    }

    private static boolean anomaly(ConsumerRecord<String, String> r, String channel, String detector) {
        return r.value().contains("\"type\":\"AnomalyDetected\"") && r.value().contains("\"channel\":\"" + channel + "\"")
                && r.value().contains("\"detector\":\"" + detector + "\"");
    }

    @Test
    void aDuplicateStormRaisesOneAnomaly() {
        String channel = channel();
        try (TopicTap events = TopicTap.open(Topics.BUDGET_EVENTS)) {
            List<UUID> first = ids(150);
            send(first, channel, Instant.now().minusSeconds(60), "2026-12-bf-" + channel);
            awaitCounted(channel, 150);
            assertEquals(0, findings(channel));
            // 60 of them again: 60 of 210 already seen, 28.6 % above 20 %.
            send(first.subList(0, 60), channel, Instant.now().minusSeconds(60), "2026-12-bf-" + channel);
            awaitCounted(channel, 210);
            assertEquals(60, counted(channel, "duplicates"));
            ConsumerRecord<String, String> raised = events.await(r -> anomaly(r, channel, "duplicate-events"),
                    Duration.ofSeconds(30));
            assertEquals("channel:" + channel, raised.key());
            assertTrue(raised.value().contains("\"source\":\"attribution-service\""), raised.value());
            // Raised where the share first passed 20 %: at the 38th repeat (38 of 188) or later, depending on how
            // the consumer's polls split the 60 repeats.
            Matcher m = Pattern.compile("(\\d+) of (\\d+) touchpoints").matcher(raised.value());
            assertTrue(m.find(), raised.value());
            int repeats = Integer.parseInt(m.group(1));
            assertTrue(repeats >= 38 && repeats <= 60 && Integer.parseInt(m.group(2)) == 150 + repeats,
                    raised.value());

            // The storm goes on: 60 more repeats, still the one anomaly for the window.
            send(first.subList(60, 120), channel, Instant.now().minusSeconds(60), "2026-12-bf-" + channel);
            awaitCounted(channel, 270);
            assertEquals(120, counted(channel, "duplicates"));
            assertEquals(1, findings(channel));
            assertEquals(1, events.collect(r -> anomaly(r, channel, "duplicate-events"), Duration.ofSeconds(5)).size());
        }
        assertEquals(0, counted(channel, "mistimed"));
        assertEquals(0, counted(channel, "off_taxonomy"));
    }

    @Test
    void cleanTouchpointsRaiseNothing() {
        String channel = channel();
        List<UUID> ids = ids(250);
        send(ids, channel, Instant.now().minusSeconds(3600), "2026-12-clean");
        awaitCounted(channel, 250);
        assertEquals(0, counted(channel, "duplicates"));
        assertEquals(0, counted(channel, "mistimed"));
        assertEquals(0, counted(channel, "off_taxonomy"));
        // A few redeliveries (10 of 260, 3.8 %) stay below the share.
        send(ids.subList(0, 10), channel, Instant.now().minusSeconds(3600), "2026-12-clean");
        awaitCounted(channel, 260);
        assertEquals(10, counted(channel, "duplicates"));
        assertEquals(0, findings(channel));
    }

    @Test
    void mistimedTouchpointsAndCampaignsOffTheTaxonomyRaiseOneAnomalyEach() {
        String channel = channel();
        try (TopicTap events = TopicTap.open(Topics.BUDGET_EVENTS)) {
            // 30 two days ahead and 30 ten days behind: 60 mistimed, above 50; 101 named outside the taxonomy.
            send(ids(30), channel, Instant.now().plus(Duration.ofDays(2)), "2026-12-ok");
            send(ids(30), channel, Instant.now().minus(Duration.ofDays(10)), "2026-12-ok");
            send(ids(101), channel, Instant.now(), "Black Friday");
            awaitCounted(channel, 161);
            assertEquals(60, counted(channel, "mistimed"));
            assertEquals(101, counted(channel, "off_taxonomy"));
            events.await(r -> anomaly(r, channel, "event-timing"), Duration.ofSeconds(30));
            events.await(r -> anomaly(r, channel, "off-taxonomy"), Duration.ofSeconds(30));
        }
        assertEquals(2, findings(channel));
        // Raised when the count first passed 50, which depends on how the consumer's polls split the 60.
        assertEquals(1, db.count("select count(*) from quality_finding where channel = ? and detector = 'event-timing'"
                + " and observed > 50 and observed <= 60 and expected = 50", channel));
        assertEquals(1, db.count("select count(*) from quality_finding where channel = ? and detector = 'off-taxonomy'"
                + " and observed = 101 and expected = 100", channel));
    }
}
