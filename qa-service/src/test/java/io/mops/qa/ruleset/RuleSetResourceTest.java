package io.mops.qa.ruleset;

import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(MopsInfra.class)
class RuleSetResourceTest {

    @Test
    void withoutATokenTheAnswerIs401() {
        given().get("/qa/rule-sets").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aChannelTeamMayNotReadTheRuleBook() {
        given().auth().oauth2(Tokens.serviceAccount("channel-search")).get("/qa/rule-sets")
                .then().statusCode(403).body("status", equalTo(403));
    }

    @Test
    void theCoeReadsRuleSets() {
        given().auth().oauth2(Tokens.user("carol")).get("/qa/rule-sets").then().statusCode(200);
    }

    @Test
    void aForgedTokenIsRejected() {
        String real = Tokens.user("carol");
        String forged = real.substring(0, real.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().auth().oauth2(forged).get("/qa/rule-sets").then().statusCode(401);
    }
}
