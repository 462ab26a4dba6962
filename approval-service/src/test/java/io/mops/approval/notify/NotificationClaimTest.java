package io.mops.approval.notify;

import com.sun.net.httpserver.HttpServer;
import io.mops.approval.TestClock;
import io.mops.testsupport.LocalStack;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Several replicas send notifications from one database: each claims rows with {@code FOR UPDATE SKIP LOCKED}. A row
 * another replica holds (here: a transaction of the test's own) is left alone, and the rows behind it still go out;
 * with a plain {@code FOR UPDATE} the sender would wait on the held row and send nothing until it is released.
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class NotificationClaimTest {

    private static final String DATABASE = "mops_approval_test";
    private final TestDatabase db = TestDatabase.named(DATABASE);

    private static Connection connect() throws SQLException {
        LocalStack stack = LocalStack.ensureRunning();
        return DriverManager.getConnection(stack.jdbcUrl(DATABASE), stack.postgresUser(), stack.postgresPassword());
    }

    private static int mailsTo(String address) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        LocalStack.ensureRunning().mailApiUrl() + "/api/user/" + address + "/messages/INBOX")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() != 200 ? 0 : (int) response.body().split("\"mimeMessage\"", -1).length - 1;
    }

    private void mail(UUID id, String address, Instant createdAt) {
        db.update("insert into approval_notification (id, recipient, address, topic, subject, body, digest, created_at,"
                        + " attempts) values (?, ?, ?, 'assigned', 'claim test', 'claim test', false, ?, 0)", id,
                address.substring(0, address.indexOf('@')), address, Timestamp.from(createdAt));
    }

    /**
     * Inserts a mail and locks it in {@code replica}'s open transaction; if the running dispatcher sent it in the
     * moment between, tries again with a new one.
     */
    private UUID heldMail(Connection replica, String address, Instant createdAt) throws SQLException {
        for (int attempt = 0; attempt < 5; attempt++) {
            UUID id = UUID.randomUUID();
            mail(id, address, createdAt);
            try (PreparedStatement lock = replica.prepareStatement(
                    "select sent_at from approval_notification where id = ? for update")) {
                lock.setObject(1, id);
                try (ResultSet row = lock.executeQuery()) {
                    row.next();
                    if (row.getTimestamp(1) == null) {
                        return id;
                    }
                }
            }
        }
        throw new IllegalStateException("every mail was sent before it could be held");
    }

    @Test
    void aMailAnotherReplicaHoldsIsSkippedAndTheMailsBehindItStillGoOut() throws Exception {
        String held = "held-" + UUID.randomUUID() + "@mops.local";
        String free = "free-" + UUID.randomUUID() + "@mops.local";
        UUID freeId = UUID.randomUUID();
        // The held mail is older, so a claim in creation order meets it first.
        Instant now = TestClock.now();
        UUID heldId;
        try (Connection replica = connect()) {
            replica.setAutoCommit(false);
            heldId = heldMail(replica, held, now.minusSeconds(60));
            int sentBefore = mailsTo(held);
            mail(freeId, free, now.minusSeconds(30));

            await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(free) == 1);
            assertEquals(sentBefore, mailsTo(held), "the held row is the other replica's to send");
            replica.rollback();
        }
        UUID heldRow = heldId;
        await().atMost(Duration.ofSeconds(60)).until(() -> db.count(
                "select count(*) from approval_notification where id = ? and sent_at is not null", heldRow) == 1);
        assertEquals(1, mailsTo(free), "sent once, not again by a later pass");
        assertEquals(1, db.count("select count(*) from approval_notification where id = ? and sent_at is not null",
                freeId));
    }

    @Test
    void aWebhookDeliveryAnotherReplicaHoldsIsSkippedAndTheOnesBehindItStillGoOut() throws Exception {
        String group = "claim-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            Instant now = TestClock.now().truncatedTo(ChronoUnit.MICROS);
            db.update("insert into group_webhook (group_name, url, secret, changed_by, changed_at) values (?, ?, ?,"
                    + " 'test', ?)", group, url, "s3cret", Timestamp.from(now));
            UUID freeId = UUID.randomUUID();
            UUID[] heldId = new UUID[1];
            String heldBody;
            try (Connection replica = connect()) {
                replica.setAutoCommit(false);
                heldBody = heldDelivery(replica, heldId, group, url, now.minusSeconds(60));
                delivery(freeId, group, url, "{\"free\":true}", now.minusSeconds(30));

                // Webhooks go out after each pass's mails and digests, one call at a time. On a machine loaded
                // about 15 (a fresh-clone run beside a simulation) the free delivery once did not go out within a
                // minute, with no failure logged; the cause was not pinned down, so the wait is longer.
                await().atMost(Duration.ofSeconds(150)).until(() -> received.contains("{\"free\":true}"));
                assertFalse(received.contains(heldBody), "the held delivery is the other replica's");
                replica.rollback();
            }
            await().atMost(Duration.ofSeconds(150)).until(() -> received.contains(heldBody));
            await().atMost(Duration.ofSeconds(30)).until(() -> db.count("select count(*) from webhook_delivery"
                    + " where id in (?, ?) and delivered_at is not null and attempts = 1", heldId[0], freeId) == 2);
            assertEquals(1, received.stream().filter("{\"free\":true}"::equals).count(), "delivered once");
            assertEquals(1, received.stream().filter(heldBody::equals).count(), "delivered once");
        } finally {
            server.stop(0);
        }
    }

    /** Like {@link #heldMail}: a due delivery locked by {@code replica} before any dispatcher claimed it. */
    private String heldDelivery(Connection replica, UUID[] idOut, String group, String url, Instant due)
            throws SQLException {
        for (int attempt = 0; attempt < 5; attempt++) {
            UUID id = UUID.randomUUID();
            String body = "{\"held\":\"" + id + "\"}";
            delivery(id, group, url, body, due);
            try (PreparedStatement lock = replica.prepareStatement(
                    "select attempts, next_attempt_at from webhook_delivery where id = ? for update")) {
                lock.setObject(1, id);
                try (ResultSet row = lock.executeQuery()) {
                    row.next();
                    // A claim moves the next attempt to the end of its lease: then it is already under way.
                    if (row.getInt(1) == 0 && row.getTimestamp(2).toInstant().equals(due)) {
                        idOut[0] = id;
                        return body;
                    }
                }
            }
        }
        throw new IllegalStateException("every delivery was claimed before it could be held");
    }

    private void delivery(UUID id, String group, String url, String body, Instant due) {
        db.update("insert into webhook_delivery (id, group_name, url, body, created_at, attempts, next_attempt_at)"
                + " values (?, ?, ?, ?, ?, 0, ?)", id, group, url, body, Timestamp.from(due), Timestamp.from(due));
    }
}
