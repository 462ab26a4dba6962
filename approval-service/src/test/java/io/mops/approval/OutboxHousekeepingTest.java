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

    // Ages are on the application's clock, which other tests of this module move ahead (TestClock): the janitor
    // judges a row's age by that clock, so a row made "1 hour" old by the database's now() could already be older
    // than the retention to it.
    private void outboxRow(UUID id, Duration publishedAgo) {
        String at = TestClock.now().minus(publishedAgo).toString();
        db.update("""
                insert into outbox_event (id, topic, message_key, event_type, payload, created_at, published_at, attempts)
                values (?, 'mops.approval.decisions', 'campaign:x', 'Test', '{}', ?::timestamptz, ?::timestamptz, 1)""",
                id, at, at);
    }

    private void processed(UUID id, Duration ago) {
        db.update("insert into processed_event (consumer, event_id, processed_at) values ('test', ?, ?::timestamptz)",
                id, TestClock.now().minus(ago).toString());
    }

    @Test
    void publishedRowsAndConsumedIdsAreForgottenOnlyAfterTheirRetention() {
        UUID oldRow = UUID.randomUUID();
        UUID recentRow = UUID.randomUUID();
        UUID oldId = UUID.randomUUID();
        UUID recentId = UUID.randomUUID();
        outboxRow(oldRow, Duration.ofDays(8));
        outboxRow(recentRow, Duration.ofHours(1));
        processed(oldId, Duration.ofDays(31));
        processed(recentId, Duration.ofDays(29));

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
