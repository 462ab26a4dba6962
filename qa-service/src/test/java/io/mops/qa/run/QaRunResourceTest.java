package io.mops.qa.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mops.common.events.Topics;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.Tokens;
import io.mops.testsupport.TopicTap;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.mops.qa.SampleSubmissions.sample;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(MopsInfra.class)
class QaRunResourceTest {

    static final String PATH = "/qa/runs";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ValidatableResponse post(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(PATH).then();
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        given().contentType(ContentType.JSON).body(sample("good-email-black-friday-us")).post(PATH)
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anApproverDoesNotSubmitCampaigns() {
        post(Tokens.user("alice"), sample("good-email-black-friday-us")).statusCode(403);
    }

    /** Runs judge under the newest version of mops-default (other tests may have published one). */
    private static int newestDefaultVersion() {
        return given().auth().oauth2(Tokens.user("carol")).get("/qa/rule-sets/mops-default/versions")
                .then().statusCode(200).extract().path("version.max()");
    }

    @Test
    void aChannelTeamChecksItsOwnCampaignAndItPasses() {
        post(Tokens.serviceAccount("channel-email"), sample("good-email-black-friday-us"))
                .statusCode(201)
                .header("Location", containsString("/qa/runs/"))
                .body("verdict", equalTo("pass"))
                // Infos only (brand voice and AI review skipped, the forecast, links on reserved names not
                // requested, the spam score): five distinct infos at 0.02 each score round(100 × (1 − 0.98⁵)) = 10.
                .body("riskScore", lessThan(11))
                .body("ruleSet", equalTo("mops-default"))
                .body("ruleSetVersion", equalTo(newestDefaultVersion()))
                .body("findings.findAll { !(it.ruleId in ['brand.voice', 'ai.review', 'forecast.performance', 'links.resolves', 'spam.score']) }", empty())
                .body("findings.severity", everyItem(equalTo("info")))
                .body("requestedBy", equalTo("service-account-channel-email"));
    }

    @Test
    void aChannelTeamMayNotCheckAnotherChannelsCampaign() {
        post(Tokens.serviceAccount("channel-search"), sample("good-email-black-friday-us"))
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aNonCompliantCampaignIsBlockedAndAnnouncedOnceAsQaCompleted() throws Exception {
        ObjectNode campaign = sample("noncompliant-email-investment-scheme");
        String campaignId = campaign.get("campaignId").asText();
        try (TopicTap tap = TopicTap.open(Topics.QA_EVENTS)) {
            String runId = post(Tokens.user("carol"), campaign)
                    .statusCode(201)
                    .body("verdict", equalTo("blocked"))
                    .body("findings.ruleId", hasItems("email.unsubscribe-link", "email.postal-address", "consent.basis"))
                    .body("findings.find { it.ruleId == 'email.subject-line' }.severity", equalTo("block"))
                    .body("findings.find { it.ruleId == 'email.subject-line' }.field", equalTo("creatives.email.subject"))
                    .body("findings.find { it.ruleId == 'a11y.image-alt' }.element", containsString("img"))
                    .body("findings.ruleSetVersion", hasItem(newestDefaultVersion()))
                    .body("eventId", notNullValue())
                    .extract().path("id");

            ConsumerRecord<String, String> record = tap.await(r -> r.value().contains(runId), Duration.ofSeconds(30));
            assertEquals("campaign:" + campaignId, record.key());
            JsonNode envelope = JSON.readTree(record.value());
            assertEquals("QaCompleted", envelope.get("type").asText());
            assertEquals(1, envelope.get("version").asInt());
            assertEquals("qa-service", envelope.get("source").asText());
            assertEquals("blocked", envelope.at("/data/verdict").asText());
            assertEquals("mops-default", envelope.at("/data/ruleSet").asText());
            assertEquals(campaignId, envelope.at("/data/campaignId").asText());

            assertEquals(1, tap.collect(r -> r.value().contains(runId), Duration.ofSeconds(2)).size());
            assertEquals(1, TestDatabase.named("mops_qa_test")
                    .count("select count(*) from qa_run where id = ?::uuid and verdict = 'blocked'", runId));
        }
    }

    @Test
    void theSameCampaignCheckedTwiceGetsTheSameVerdictFindingsAndDigest() {
        ObjectNode campaign = sample("subtle-email-tracking-drift");
        String token = Tokens.serviceAccount("channel-email");
        var first = post(token, campaign).statusCode(201).body("verdict", equalTo("needs-approval")).extract();
        var second = post(token, campaign).statusCode(201).extract();
        assertEquals(first.path("inputDigest").toString(), second.path("inputDigest").toString());
        assertEquals(first.path("riskScore").toString(), second.path("riskScore").toString());
        assertEquals(first.jsonPath().getList("findings").toString(), second.jsonPath().getList("findings").toString());
    }

    @Test
    void malformedHtmlStillGetsAVerdictWithAFindingSayingSo() {
        post(Tokens.serviceAccount("channel-email"), sample("malformed-html-email"))
                .statusCode(201)
                .body("verdict", equalTo("needs-approval"))
                .body("findings.ruleId", hasItem("html.well-formed"));
    }

    @Test
    void aSkeletonCampaignGetsAVerdictNotAnError() {
        String skeleton = "{\"campaignId\": \"skeleton-" + UUID.randomUUID() + "\", \"channel\": \"email\","
                + " \"trackingLinks\": [null], \"audience\": null, \"creatives\": {\"email\": {}}}";
        post(Tokens.serviceAccount("channel-email"), skeleton)
                .statusCode(201)
                .body("verdict", equalTo("blocked"))
                .body("findings.findAll { it.ruleId == 'plan.required-fields' }.field", hasItems("name", "startDate",
                        "endDate", "audience.size", "audience.regions", "creatives.email.subject",
                        "creatives.email.senderAddress", "creatives.email.html"));
    }

    @Test
    void anUnknownChannelIsA400NamingTheField() {
        ObjectNode campaign = sample("good-email-black-friday-us");
        campaign.put("channel", "fax");
        post(Tokens.user("carol"), campaign)
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("channel"))
                .body("violations[0].message", containsString("unknown channel 'fax'"));
    }

    @Test
    void aMissingCreativeIsA400NamingTheField() {
        ObjectNode campaign = sample("good-email-black-friday-us");
        ((ObjectNode) campaign.get("creatives")).remove("email");
        post(Tokens.serviceAccount("channel-email"), campaign)
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("creatives.email"));
    }

    @Test
    void noCreativesAtAllIsA400NamingTheField() {
        ObjectNode campaign = sample("good-email-black-friday-us");
        campaign.remove("creatives");
        post(Tokens.serviceAccount("channel-email"), campaign)
                .statusCode(400)
                .body("violations.field", hasItem("creatives"));
    }

    @Test
    void aWronglyTypedFieldIsA400NotA500() {
        ObjectNode campaign = sample("good-email-black-friday-us");
        campaign.put("startDate", "next friday");
        post(Tokens.serviceAccount("channel-email"), campaign)
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("startDate"));
    }

    @Test
    void anEmailFarBeyondWhatMailboxesShowIsA400NamingThePart() {
        ObjectNode campaign = sample("good-email-black-friday-us");
        ((ObjectNode) campaign.at("/creatives/email")).put("html", "<p>" + "x".repeat(600_000) + "</p>");
        post(Tokens.serviceAccount("channel-email"), campaign)
                .statusCode(400)
                .body("violations[0].field", equalTo("creatives.email.html"));
    }

    @Test
    void aPayloadOverTheLimitIsA413Problem() {
        ObjectNode campaign = sample("good-email-black-friday-us");
        ((ObjectNode) campaign.at("/creatives/email")).put("html", "<p>" + "x".repeat(3 * 1024 * 1024) + "</p>");
        post(Tokens.serviceAccount("channel-email"), campaign.toString())
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("detail", containsString("2 MiB"));
    }

    @Test
    void aRunIsVisibleToItsChannelAndTheCoeButNotToOtherChannels() {
        String runId = post(Tokens.serviceAccount("channel-email"), sample("good-email-black-friday-us"))
                .statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.serviceAccount("channel-email")).get(PATH + "/" + runId)
                .then().statusCode(200).body("verdict", equalTo("pass"))
                .body("findings.findAll { !(it.ruleId in ['brand.voice', 'ai.review', 'forecast.performance', 'links.resolves', 'spam.score']) }", empty());
        given().auth().oauth2(Tokens.user("carol")).get(PATH + "/" + runId).then().statusCode(200);
        given().auth().oauth2(Tokens.serviceAccount("channel-search")).get(PATH + "/" + runId)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aCampaignsRunsAreListedNewestFirstForItsChannelOnly() {
        ObjectNode campaign = sample("subtle-email-tracking-drift");
        String campaignId = campaign.get("campaignId").asText();
        String first = post(Tokens.serviceAccount("channel-email"), campaign).statusCode(201).extract().path("id");
        String second = post(Tokens.serviceAccount("channel-email"), campaign).statusCode(201).extract().path("id");

        given().auth().oauth2(Tokens.serviceAccount("channel-email")).queryParam("campaignId", campaignId).get(PATH)
                .then().statusCode(200).body("id", contains(second, first));
        given().auth().oauth2(Tokens.user("carol")).queryParam("campaignId", campaignId).get(PATH)
                .then().statusCode(200).body("id", contains(second, first));
        given().auth().oauth2(Tokens.serviceAccount("channel-social")).queryParam("campaignId", campaignId).get(PATH)
                .then().statusCode(200).body("id", empty());
    }

    @Test
    void listingRunsNeedsACampaignId() {
        given().auth().oauth2(Tokens.user("carol")).get(PATH)
                .then().statusCode(400).body("violations[0].field", equalTo("campaignId"));
    }

    @Test
    void storedFindingsAreReadBackAsTheyWereReported() {
        String runId = post(Tokens.user("carol"), sample("subtle-sms-late-send")).statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.user("carol")).get(PATH + "/" + runId)
                .then().statusCode(200)
                .body("verdict", equalTo("blocked"))
                .body("findings[0].ruleId", equalTo("sms.sending-window"))
                .body("findings[0].field", equalTo("creatives.sms.sendAt"))
                .body("findings[0].severity", equalTo("block"));
    }
}
