package io.mops.attribution.connect;

import io.mops.common.events.TouchpointObserved;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.TestProducer;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mops.attribution.connect.ConnectorImportResourceTest.GA4;
import static io.mops.attribution.connect.ConnectorImportResourceTest.sample;
import static io.mops.attribution.mapping.ChannelMappingResourceTest.setRules;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * CRM deal exports imported through the real service, database and Keycloak, matched to the journeys of the GA4
 * sample (src/test/resources/connectors): its 09:00 paid visit of device 1840392021.1795165200 carries the gclid
 * {@code Cj0KCQiA-demo}, its 10:30 visit is signed in as {@code c-1001}, and the auto-tagged visit of device
 * 99001122.1795185910 carries {@code EAIaIQobChMI-demo}, all on 2026-11-20. Every test tags the samples' ids (devices,
 * click ids, the user, deal ids) with a suffix of its own, so that its events are new whatever other tests imported.
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class CrmImportResourceTest {

    static final String CRM = "/attribution/connectors/crm";
    private final TestDatabase db = TestDatabase.named("mops_attribution_test");

    /** The conversion id the docs define: UUID v3 of {@code crm|<crm>|<deal id>}. */
    private static UUID eventId(String crm, String deal) {
        return UUID.nameUUIDFromBytes(("mops-connector|crm|" + crm + "|" + deal).getBytes(StandardCharsets.UTF_8));
    }

    /** The sample with its ids made this test's own. */
    private static byte[] tagged(String sample, String tag) {
        return new String(sample(sample), StandardCharsets.UTF_8)
                .replace("1840392021.1795165200", "1840392021.1795165200-" + tag)
                .replace("99001122.1795185910", "99001122.1795185910-" + tag)
                .replace("55501234.1795187400", "55501234.1795187400-" + tag)
                .replace("Cj0KCQiA-demo", "Cj0KCQiA-demo-" + tag)
                .replace("EAIaIQobChMI-demo", "EAIaIQobChMI-demo-" + tag)
                .replace("c-1001", "c-1001-" + tag)
                .replace("0065g00000AbCd", tag + "-0065g00000AbCd")
                .replace("182000000", tag + "-182000000")
                .getBytes(StandardCharsets.UTF_8);
    }

    private List<String> conversion(String crm, String deal) {
        return db.strings("select user_id || ' ' || coalesce(anonymous_id, '-') || ' ' || occurred_at at time zone "
                + "'UTC' || ' ' || value || ' ' || currency from conversion where event_id = ?", eventId(crm, deal));
    }

    private static void importGa4Sample(String tag) {
        setRules(List.of(
                Map.of("source", "google", "medium", "cpc", "channel", "search"),
                Map.of("medium", "email", "channel", "email"),
                Map.of("source", "(direct)", "channel", "direct")));
        given().auth().oauth2(Tokens.user("carol"))
                .contentType("application/x-ndjson").body(tagged("ga4-events_20261120.json", tag))
                .post(GA4)
                .then().statusCode(200);
    }

    @Test
    void salesforceClosedWonOpportunitiesBecomeConversionsOfTheirJourneysOnce() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        importGa4Sample(tag);
        byte[] export = tagged("salesforce-opportunities.csv", tag);

        given().auth().oauth2(Tokens.user("carol"))
                .contentType("text/csv").queryParam("crm", "salesforce").body(export)
                .post(CRM)
                .then().statusCode(200)
                .body("format", equalTo("salesforce"))
                .body("received", equalTo(3)).body("stored", equalTo(2)).body("duplicates", equalTo(0))
                .body("unmatched", equalTo(1)).body("ignored", equalTo(2))
                .body("unmatchedLines[0].line", equalTo(5))
                .body("unmatchedLines[0].reason", equalTo(
                        "no touchpoint on or before 2026-11-23 with the user id '0035g00000XyZ4AAAF'"));
        given().auth().oauth2(Tokens.user("carol"))
                .contentType("text/csv").queryParam("crm", "salesforce").body(export)
                .post(CRM)
                .then().statusCode(200)
                .body("received", equalTo(3)).body("stored", equalTo(0)).body("duplicates", equalTo(2))
                .body("unmatched", equalTo(1));

        // By click id: the auto-tagged visit is anonymous, so the CRM contact converts with that device's id.
        assertEquals(List.of("0035g00000XyZ1AAAF 99001122.1795185910-" + tag
                        + " 2026-11-24 23:59:59.999 12500.000000 EUR"),
                conversion("salesforce", tag + "-0065g00000AbCdEAAV"));
        // By contact id: the site signs its customers in with the CRM's contact id.
        assertEquals(List.of("c-1001-" + tag + " - 2026-11-21 23:59:59.999 3400.500000 EUR"),
                conversion("salesforce", tag + "-0065g00000AbCdFAAV"));
        assertEquals(List.of(), conversion("salesforce", tag + "-0065g00000AbCdHAAV"));
        assertEquals(List.of(), conversion("salesforce", tag + "-0065g00000AbCdGAAV"));
    }

    /**
     * A click id need not come from a GA4 export: a channel integration sends it on {@code TouchpointObserved} over
     * Kafka, and a touchpoint import carries it as {@code clickId} (JSON lines) or {@code click_id} (CSV). A deal
     * naming it converts on that journey.
     */
    @Test
    void aDealMatchesByTheClickIdOfATouchpointSentOverKafkaOrImported() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String kafkaClick = "gclid-kafka-" + tag;
        String importedClick = "msclkid-csv-" + tag;
        TestProducer.send(TouchpointObserved.TOPIC, "customer:anon-kafka-" + tag, """
                {"id":"%s","type":"TouchpointObserved","version":1,"source":"channel-test","time":"2026-11-20T09:00:00Z",
                 "subject":"customer:anon-kafka-%s",
                 "data":{"anonymousId":"anon-kafka-%s","occurredAt":"2026-11-20T09:00:00Z","channel":"search",
                         "campaign":"2026-11-bf","interaction":"click","clickId":"%s"}}
                """.formatted(UUID.randomUUID(), tag, tag, kafkaClick));
        given().auth().oauth2(Tokens.user("carol")).contentType("text/csv")
                .body("event_id,anonymous_id,occurred_at,channel,interaction,click_id\n" + UUID.randomUUID()
                        + ",anon-csv-" + tag + ",2026-11-20T10:00:00Z,search,click," + importedClick + "\n")
                .post("/attribution/touchpoints")
                .then().statusCode(200).body("stored", equalTo(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from touchpoint where click_id in (?, ?)", kafkaClick, importedClick) == 2);

        String export = "\"Id\",\"StageName\",\"Amount\",\"CurrencyIsoCode\",\"CloseDate\",\"ContactId\",\"GCLID__c\"\n"
                + "\"" + tag + "-K\",\"Closed Won\",\"700.00\",\"EUR\",\"2026-11-22\",\"003-k-" + tag + "\",\"" + kafkaClick + "\"\n"
                + "\"" + tag + "-C\",\"Closed Won\",\"300.00\",\"EUR\",\"2026-11-22\",\"003-c-" + tag + "\",\"" + importedClick + "\"\n";
        given().auth().oauth2(Tokens.user("carol"))
                .contentType("text/csv").queryParam("crm", "salesforce").body(export)
                .post(CRM)
                .then().statusCode(200)
                .body("received", equalTo(2)).body("stored", equalTo(2)).body("unmatched", equalTo(0));

        assertEquals(List.of("003-k-" + tag + " anon-kafka-" + tag + " 2026-11-22 23:59:59.999 700.000000 EUR"),
                conversion("salesforce", tag + "-K"));
        assertEquals(List.of("003-c-" + tag + " anon-csv-" + tag + " 2026-11-22 23:59:59.999 300.000000 EUR"),
                conversion("salesforce", tag + "-C"));
    }

    @Test
    void hubSpotWonDealsBecomeConversionsMatchedByGclidOrContact() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        importGa4Sample(tag);

        given().auth().oauth2(Tokens.user("carol"))
                .contentType("text/csv").queryParam("crm", "hubspot").body(tagged("hubspot-deals.csv", tag))
                .post(CRM)
                .then().statusCode(200)
                .body("received", equalTo(3)).body("stored", equalTo(2)).body("unmatched", equalTo(1))
                .body("ignored", equalTo(1))
                .body("unmatchedLines[0].line", equalTo(5));

        assertEquals(List.of("51 1840392021.1795165200-" + tag + " 2026-11-21 23:59:59.999 1299.000000 EUR"),
                conversion("hubspot", tag + "-18200000001"));
        assertEquals(List.of("c-1001-" + tag + " - 2026-11-22 23:59:59.999 240.000000 EUR"),
                conversion("hubspot", tag + "-18200000002"));
    }

    @Test
    void anUnreadableRowRefusesTheFileNamingTheLineAndColumn() {
        String deal = "006-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.user("carol"))
                .contentType("text/csv").queryParam("crm", "salesforce").body("""
                        Id,StageName,Amount,CurrencyIsoCode,CloseDate,ContactId
                        %s,Closed Won,100.00,EUR,2026-11-20,c-1001
                        006-bad,Closed Won,a lot,EUR,2026-11-20,c-1001
                        """.formatted(deal))
                .post(CRM)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("1 line rejected; nothing was applied"))
                .body("violations.field", equalTo(List.of("line 3")))
                .body("violations[0].message", equalTo("Amount: cannot read 'a lot'"));
        assertEquals(List.of(), conversion("salesforce", deal));
    }

    @Test
    void aMissingOrUnknownCrmIsAProblemNamingTheParameter() {
        given().auth().oauth2(Tokens.user("carol"))
                .contentType("text/csv").queryParam("crm", "pipedrive").body("Id\n")
                .post(CRM)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("crm"));
    }

    @Test
    void aChannelTeamMayNotImportCrmDeals() {
        given().auth().oauth2(Tokens.user("sam"))
                .contentType("text/csv").queryParam("crm", "hubspot").body(sample("hubspot-deals.csv"))
                .post(CRM)
                .then().statusCode(403);
    }
}
