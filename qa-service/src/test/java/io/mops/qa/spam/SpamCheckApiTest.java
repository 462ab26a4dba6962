package io.mops.qa.spam;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import static io.mops.qa.SampleSubmissions.sample;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** The spam score through the running service, against the real spamd ({@code ./mops infra up} starts it). */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class SpamCheckApiTest {

    private static ValidatableResponse submit(ObjectNode campaign) {
        return given().auth().oauth2(Tokens.serviceAccount("channel-email")).contentType(ContentType.JSON)
                .body(campaign).post("/qa/runs").then();
    }

    @Test
    void spamIsBlockedWithTheRulesThatFired() {
        ObjectNode campaign = sample("good-email-black-friday-us");
        ObjectNode email = (ObjectNode) campaign.at("/creatives/email");
        email.put("html", email.get("html").asText().replace("</body>", "<p>" + SpamCheckTest.GTUBE + "</p></body>"));

        submit(campaign)
                .statusCode(201)
                .body("verdict", equalTo("blocked"))
                .body("findings.findAll { it.ruleId == 'spam.score' && it.severity == 'block' }", hasSize(1))
                .body("findings.find { it.ruleId == 'spam.score' && it.severity == 'block' }.field",
                        equalTo("creatives.email"))
                .body("findings.find { it.ruleId == 'spam.score' && it.severity == 'info' }.message",
                        containsString("GTUBE 1000 (BODY: Generic Test for Unsolicited Bulk Email)"));
    }

    @Test
    void aCleanNewsletterPassesWithItsScoreAsAnInfo() {
        submit(sample("good-email-black-friday-us"))
                .statusCode(201)
                .body("verdict", equalTo("pass"))
                .body("findings.findAll { it.ruleId == 'spam.score' }", hasSize(1))
                .body("findings.find { it.ruleId == 'spam.score' }.severity", equalTo("info"))
                .body("findings.find { it.ruleId == 'spam.score' }.message", startsWith("SpamAssassin score "));
    }

    @Test
    void aSenderThatIsNoAddressIsStillScoredAndJudged() {
        ObjectNode campaign = sample("good-email-black-friday-us");
        ((ObjectNode) campaign.at("/creatives/email")).put("senderAddress", "news at northwind <<>>");

        submit(campaign)
                .statusCode(201)
                .body("verdict", equalTo("blocked"))
                .body("findings.find { it.ruleId == 'email.sender-identity' }.severity", equalTo("block"))
                .body("findings.findAll { it.ruleId == 'spam.score' }.size()", org.hamcrest.Matchers.greaterThan(0));
    }
}
