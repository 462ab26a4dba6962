package io.mops.approval;

import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shared outbox housekeeping, seen from one service: old rows go, recent ones stay, the backlog is a metric. */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class OutboxHousekeepingTest {

    private final TestDatabase db = TestDatabase.named("mops_approval_test");

    private void outboxRow(UUID id, String publishedAgo) {
        db.update("""
                insert into outbox_event (id, topic, message_key, event_type, payload, created_at, published_at, attempts)
                values (?, 'mops.approval.decisions', 'campaign:x', 'Test', '{}', now() - ?::interval, now() - ?::interval, 1)""",
                id, publishedAgo, publishedAgo);
    }

    private void processed(UUID id, String ago) {
        db.update("insert into processed_event (consumer, event_id, processed_at) values ('test', ?, now() - ?::interval)",
                id, ago);
    }

    @Test
    void publishedRowsAndConsumedIdsAreForgottenOnlyAfterTheirRetention() {
        UUID oldRow = UUID.randomUUID();
        UUID recentRow = UUID.randomUUID();
        UUID oldId = UUID.randomUUID();
        UUID recentId = UUID.randomUUID();
        outboxRow(oldRow, "8 days");
        outboxRow(recentRow, "1 hour");
        processed(oldId, "31 days");
        processed(recentId, "29 days");

        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from outbox_event where id = ?", oldRow) == 0
                        && db.count("select count(*) from processed_event where event_id = ?", oldId) == 0);
        assertEquals(1, db.count("select count(*) from outbox_event where id = ?", recentRow));
        assertEquals(1, db.count("select count(*) from processed_event where event_id = ?", recentId));
    }

    @Test
    void theRelayBacklogIsAMetricAndItsWorkIsCountedPerEventType() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("mops_outbox_pending_events"))
                .body(containsString("mops_outbox_oldest_pending_seconds"));
        // A pending row of a type nobody else publishes, on the topic nobody consumes: once relayed, it is counted
        // under its own type.
        String type = "HousekeepingProbe" + UUID.randomUUID().toString().substring(0, 8);
        db.update("""
                insert into outbox_event (id, topic, message_key, event_type, payload, created_at, attempts)
                values (?, 'mops.dlq', 'probe', ?, '{}', now(), 0)""", UUID.randomUUID(), type);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/metrics").then().extract().asString()
                .contains("mops_outbox_published_total{event_type=\"" + type + "\"} 1.0"));
    }
}
