package io.mops.attribution.ingest;

import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.mops.attribution.ingest.TouchpointImportResourceTest.bytes;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(MopsInfra.class)
class SpendImportResourceTest {

    static final String PATH = "/attribution/spend";
    private final TestDatabase db = TestDatabase.named("mops_attribution_test");

    static String jsonLine(UUID id, String channel, String day, String amount) {
        return """
                {"eventId":"%s","campaignId":"%s","day":"%s","channel":"%s","amount":%s,"currency":"EUR"}"""
                .formatted(id, UUID.randomUUID(), day, channel, amount);
    }

    private long stored(UUID id) {
        return db.count("select count(*) from channel_spend where event_id = ?", id);
    }

    @Test
    void aChannelTeamImportsItsOwnSpendAndAReimportStoresNothingTwice() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String body = jsonLine(first, "search", "2026-11-20", "12.50") + "\n" + jsonLine(second, "search", "2026-11-21", "7")
                + "\n";

        given().auth().oauth2(Tokens.serviceAccount("channel-search"))
                .contentType("application/x-ndjson").body(bytes(body)).post(PATH)
                .then().statusCode(200)
                .body("received", equalTo(2)).body("stored", equalTo(2)).body("duplicates", equalTo(0));
        given().auth().oauth2(Tokens.user("carol"))
                .contentType("application/x-ndjson").body(bytes(body)).post(PATH)
                .then().statusCode(200)
                .body("stored", equalTo(0)).body("duplicates", equalTo(2));

        assertEquals(1, db.count("select count(*) from channel_spend where event_id = ? and amount = 12.50", first));
        assertEquals(1, stored(second));
    }

    @Test
    void aChannelTeamMayNotImportAnotherTeamsSpendAndNothingIsStored() {
        UUID own = UUID.randomUUID();
        UUID foreign = UUID.randomUUID();

        given().auth().oauth2(Tokens.user("sam"))
                .contentType("application/x-ndjson")
                .body(bytes(jsonLine(own, "search", "2026-11-20", "1") + "\n" + jsonLine(foreign, "email", "2026-11-20", "1")))
                .post(PATH)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("email"));

        assertEquals(0, stored(own));
    }

    @Test
    void everyBadCsvLineIsReportedAndNothingIsStored() {
        UUID good = UUID.randomUUID();
        String csv = """
                event_id,campaign_id,day,channel,amount,currency
                %s,%s,2026-11-20,search,10.00,EUR
                %s,%s,2026-11-20,,10.00,EUR
                %s,%s,20.11.2026,search,10.00,EUR
                %s,%s,2026-11-20,search,-3,EUR
                """.formatted(good, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

        given().auth().oauth2(Tokens.user("carol"))
                .contentType("text/csv").body(csv).post(PATH)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("3 lines rejected; nothing was applied"))
                .body("violations.field", equalTo(List.of("line 3", "line 4", "line 5")))
                .body("violations[0].message", containsString("channel"))
                .body("violations[1].message", equalTo("day: cannot read '20.11.2026'"))
                .body("violations[2].message", containsString("amount"));

        assertEquals(0, stored(good));
    }

    @Test
    void theCoeImportsCsvSpendForAnyChannel() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String csv = """
                event_id,campaign_id,day,channel,amount,currency
                %s,%s,2026-11-20,social,10.00,EUR
                %s,%s,2026-11-21,email,0,EUR
                """.formatted(a, UUID.randomUUID(), b, UUID.randomUUID());

        given().auth().oauth2(Tokens.serviceAccount("mops-coe"))
                .contentType("text/csv").body(csv).post(PATH)
                .then().statusCode(200)
                .body("stored", equalTo(2));

        assertEquals(1, db.count("select count(*) from channel_spend where event_id = ? and channel = 'social'", a));
        assertEquals(1, db.count("select count(*) from channel_spend where event_id = ? and amount = 0", b));
    }
}
