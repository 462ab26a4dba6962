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
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(MopsInfra.class)
class ConversionImportResourceTest {

    static final String PATH = "/attribution/conversions";
    private final TestDatabase db = TestDatabase.named("mops_attribution_test");

    private long stored(UUID id) {
        return db.count("select count(*) from conversion where event_id = ?", id);
    }

    @Test
    void theCoeImportsConversionsAndAReimportStoresNothingTwice() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String csv = """
                event_id,user_id,anonymous_id,occurred_at,value,currency
                %s,u-1,cookie-1,2026-11-20T10:00:00Z,129.90,EUR
                %s,u-2,,2026-11-20T11:00:00Z,0,EUR
                """.formatted(a, b);

        given().auth().oauth2(Tokens.serviceAccount("mops-coe")).contentType("text/csv").body(csv).post(PATH)
                .then().statusCode(200).body("stored", equalTo(2)).body("duplicates", equalTo(0));
        String jsonLine = """
                {"eventId":"%s","userId":"u-1","occurredAt":"2026-11-20T10:00:00Z","value":129.90,"currency":"EUR"}"""
                .formatted(a);
        given().auth().oauth2(Tokens.user("carol")).contentType("application/x-ndjson")
                .body(jsonLine.getBytes(StandardCharsets.UTF_8)).post(PATH)
                .then().statusCode(200).body("stored", equalTo(0)).body("duplicates", equalTo(1));

        assertEquals(1, db.count("select count(*) from conversion where event_id = ? and value = 129.90"
                + " and anonymous_id = 'cookie-1'", a));
    }

    @Test
    void everyBadLineIsReportedAndNothingIsStored() {
        UUID good = UUID.randomUUID();
        String csv = """
                event_id,user_id,occurred_at,value,currency
                %s,u-1,2026-11-20T10:00:00Z,10,EUR
                %s,u-1,yesterday,10,EUR
                %s,u-1,2026-11-20T10:00:00Z,-1,EUR
                %s,,2026-11-20T10:00:00Z,10,euro
                """.formatted(good, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

        given().auth().oauth2(Tokens.serviceAccount("mops-coe")).contentType("text/csv").body(csv).post(PATH)
                .then().statusCode(400)
                .body("violations.field", equalTo(List.of("line 3", "line 4", "line 5")))
                .body("violations[0].message", equalTo("occurred_at: cannot read 'yesterday'"))
                .body("violations[1].message", containsString("value"))
                .body("violations[2].message", containsString("currency"))
                .body("violations[2].message", containsString("userId"));

        assertEquals(0, stored(good));
    }

    @Test
    void channelTeamsDoNotImportConversions() {
        given().auth().oauth2(Tokens.serviceAccount("channel-search")).contentType("text/csv")
                .body("event_id,user_id,occurred_at,value,currency\n" + UUID.randomUUID() + ",u,2026-11-20T10:00:00Z,1,EUR\n")
                .post(PATH)
                .then().statusCode(403);
    }
}
