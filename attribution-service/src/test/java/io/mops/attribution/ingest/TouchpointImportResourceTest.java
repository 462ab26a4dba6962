package io.mops.attribution.ingest;

import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(MopsInfra.class)
class TouchpointImportResourceTest {

    static final String PATH = "/attribution/touchpoints";
    private final TestDatabase db = TestDatabase.named("mops_attribution_test");

    static String jsonLine(UUID id, String channel) {
        return """
                {"eventId":"%s","userId":"u-%s","occurredAt":"2026-11-20T10:00:00Z","channel":"%s","campaign":"brand","interaction":"click","cost":1.20,"currency":"EUR"}"""
                .formatted(id, id, channel);
    }

    /** Rest Assured encodes only the content types it knows from strings; JSON lines go as bytes. */
    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private long stored(UUID id) {
        return db.count("select count(*) from touchpoint where event_id = ?", id);
    }

    @Test
    void aChannelTeamImportsItsOwnTouchpointsAndAReimportStoresNothingTwice() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String body = jsonLine(first, "search") + "\n\n" + jsonLine(second, "search") + "\n";

        given().auth().oauth2(Tokens.serviceAccount("channel-search"))
                .contentType("application/x-ndjson").body(bytes(body)).post(PATH)
                .then().statusCode(200)
                .body("received", equalTo(2)).body("stored", equalTo(2)).body("duplicates", equalTo(0));
        given().auth().oauth2(Tokens.user("sam"))
                .contentType("application/x-ndjson").body(bytes(body)).post(PATH)
                .then().statusCode(200)
                .body("stored", equalTo(0)).body("duplicates", equalTo(2));

        assertEquals(1, stored(first));
        assertEquals(1, db.count("select count(*) from touchpoint where event_id = ? and cost = 1.20", second));
    }

    @Test
    void aChannelTeamMayNotImportAnotherTeamsTouchpointsAndNothingIsStored() {
        UUID own = UUID.randomUUID();
        UUID foreign = UUID.randomUUID();

        given().auth().oauth2(Tokens.serviceAccount("channel-search"))
                .contentType("application/x-ndjson").body(bytes(jsonLine(own, "search") + "\n" + jsonLine(foreign, "social")))
                .post(PATH)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("social"));

        assertEquals(0, stored(own));
    }

    @Test
    void theCoeImportsCsvForAnyChannel() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String csv = """
                event_id,user_id,anonymous_id,occurred_at,channel,campaign,interaction,cost,currency
                %s,u-1,,2026-11-20T10:00:00Z,email,newsletter,click,,
                %s,,cookie-9,2026-11-20T11:00:00Z,display,"banner, q4",impression,0.002,EUR
                """.formatted(a, b);

        given().auth().oauth2(Tokens.serviceAccount("mops-coe"))
                .contentType("text/csv").body(csv).post(PATH)
                .then().statusCode(200).body("stored", equalTo(2));

        assertEquals(1, db.count("select count(*) from touchpoint where event_id = ? and anonymous_id = 'cookie-9'"
                + " and campaign = 'banner, q4' and user_id is null", b));
    }

    @Test
    void everyBadLineIsReportedAndNothingIsStored() {
        UUID good = UUID.randomUUID();
        String csv = """
                event_id,user_id,occurred_at,channel,interaction,cost,currency
                %s,u-1,2026-11-20T10:00:00Z,search,click,,
                not-a-uuid,u-1,2026-11-20T10:00:00Z,search,click,,
                %s,,2026-11-20T10:00:00Z,search,click,,
                %s,u-2,2026-11-20T10:00:00Z,search,hover,,
                %s,u-3,2026-11-20T10:00:00Z,search,click,5,
                """.formatted(good, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

        given().auth().oauth2(Tokens.serviceAccount("mops-coe"))
                .contentType("text/csv").body(csv).post(PATH)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("4 lines rejected; nothing was applied"))
                .body("violations.field", equalTo(List.of("line 3", "line 4", "line 5", "line 6")))
                .body("violations[0].message", equalTo("event_id: cannot read 'not-a-uuid'"))
                .body("violations[1].message", containsString("userId or anonymousId"))
                .body("violations[2].message", containsString("interaction"))
                .body("violations[3].message", containsString("currency"));

        assertEquals(0, stored(good));
    }

    @Test
    void badJsonLinesAreReportedByLineNumber() {
        UUID good = UUID.randomUUID();
        String body = jsonLine(good, "search") + "\n"
                + jsonLine(UUID.randomUUID(), "search").replaceFirst("\"eventId\":\"[^\"]+\"", "\"eventId\":\"x\"") + "\n"
                + "{\"eventId\": \n"
                + jsonLine(UUID.randomUUID(), "Search") + "\n";

        given().auth().oauth2(Tokens.serviceAccount("mops-coe"))
                .contentType("application/x-ndjson").body(bytes(body)).post(PATH)
                .then().statusCode(400)
                .body("violations.field", equalTo(List.of("line 2", "line 3", "line 4")))
                .body("violations[0].message", equalTo("eventId: cannot read 'x'"))
                .body("violations[1].message", startsWith("not a JSON object"))
                .body("violations[2].message", startsWith("channel:"));

        assertEquals(0, stored(good));
    }

    /** About 14 MB for 100,000 lines, more than the 10 MiB non-import endpoints take; all of campaign {@code tag}. */
    private static String largeCsv(String tag, int lines, int badLine) {
        StringBuilder csv = new StringBuilder(
                "event_id,user_id,occurred_at,channel,campaign,interaction,cost,currency\n");
        for (int line = 2; line < lines + 2; line++) {
            csv.append(line == badLine ? "not-a-uuid" : UUID.randomUUID().toString())
                    .append(",u-large-").append(line).append(",2026-11-21T08:00:00Z,search,").append(tag)
                    .append(",click,0.25,EUR\n");
        }
        return csv.toString();
    }

    @Test
    void aBadLineDeepInsideALargeImportRejectsItWholeAndTheFixedFileIsStoredWhole() {
        String tag = "large-" + UUID.randomUUID();
        String bad = largeCsv(tag, 100_000, 99_000);
        org.junit.jupiter.api.Assertions.assertTrue(bad.length() > 10 * 1024 * 1024);

        given().auth().oauth2(Tokens.serviceAccount("mops-coe"))
                .contentType("text/csv").body(bytes(bad)).post(PATH)
                .then().statusCode(400)
                .body("detail", equalTo("1 line rejected; nothing was applied"))
                .body("violations.field", equalTo(List.of("line 99000")))
                .body("violations[0].message", equalTo("event_id: cannot read 'not-a-uuid'"));
        assertEquals(0, db.count("select count(*) from touchpoint where campaign = ?", tag));

        given().auth().oauth2(Tokens.serviceAccount("mops-coe"))
                .contentType("text/csv").body(bytes(largeCsv(tag, 100_000, -1))).post(PATH)
                .then().statusCode(200)
                .body("received", equalTo(100_000)).body("stored", equalTo(100_000));
        assertEquals(100_000, db.count("select count(*) from touchpoint where campaign = ?", tag));
        db.update("delete from touchpoint where campaign = ?", tag);
    }

    /**
     * Only the headers are sent: the limit is decided on the declared length, and the answer comes before the body
     * (a client still sending would see the connection closed under it).
     */
    @Test
    void otherEndpointsKeepTheirBodyLimit() throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.getOutputStream().write(("POST /attribution/paths/credit?currency=EUR&model=linear HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + Tokens.serviceAccount("mops-coe") + "\r\n"
                    + "Content-Type: text/csv\r\nContent-Length: " + (11 * 1024 * 1024) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();

            assertEquals("HTTP/1.1 413 Request Entity Too Large", status);
        }
    }

    @Test
    void approversDoNotImportTouchpoints() {
        given().auth().oauth2(Tokens.user("alice"))
                .contentType("application/x-ndjson").body(bytes(jsonLine(UUID.randomUUID(), "search"))).post(PATH)
                .then().statusCode(403);
    }
}
