package io.mops.qa.ruleset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mops.qa.SampleSubmissions;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@WithTestResource(MopsInfra.class)
class RuleSetResourceTest {

    private final TestDatabase db = TestDatabase.named("mops_qa_test");

    @Inject
    RuleSetCatalog catalog;

    private static final ObjectMapper JSON = new ObjectMapper();

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

    @Test
    void theBundledRuleSetIsVersionOneOfTheDefault() {
        given().auth().oauth2(Tokens.user("carol")).get("/qa/rule-sets/mops-default/versions")
                .then().statusCode(200)
                .body("[0].version", equalTo(1))
                .body("[0].createdBy", equalTo(RuleSetCatalog.BUNDLED_AUTHOR));
        given().auth().oauth2(Tokens.user("carol")).get("/qa/rule-sets/mops-default/versions/1")
                .then().statusCode(200)
                .body("rules.'email.unsubscribe-link'.severity", equalTo("BLOCK"));
    }

    @Test
    void aChangedBundledDefaultBecomesTheNextVersionWhileNobodyElseHasPublishedOne() throws Throwable {
        int latest = given().auth().oauth2(Tokens.user("carol")).get("/qa/rule-sets/mops-default/versions")
                .then().statusCode(200).extract().path("version.max()");
        // What an older release bundled: the same rule set with another audience minimum.
        ObjectNode older = defaultDocument();
        ((ObjectNode) older.at("/plan")).put("minimumAudienceSize", 1234);
        older.put("version", latest + 1);
        db.update("insert into rule_set (id, name, version, region, description, document, created_by, created_at) "
                        + "values (?, 'mops-default', ?, 'global', 'an older bundle', ?, ?, now())",
                UUID.randomUUID(), latest + 1, older.toString(), RuleSetCatalog.BUNDLED_AUTHOR);

        catalog.seedBundledDefault(null);

        given().auth().oauth2(Tokens.user("carol")).get("/qa/rule-sets/mops-default/versions/" + (latest + 2))
                .then().statusCode(200)
                .body("plan.minimumAudienceSize", equalTo(defaultDocument().at("/plan/minimumAudienceSize").asInt()));
        given().auth().oauth2(Tokens.user("carol")).get("/qa/rule-sets/mops-default/versions")
                .then().statusCode(200)
                .body("find { it.version == " + (latest + 2) + " }.createdBy", equalTo(RuleSetCatalog.BUNDLED_AUTHOR));

        catalog.seedBundledDefault(null); // unchanged since: nothing more to publish
        given().auth().oauth2(Tokens.user("carol")).get("/qa/rule-sets/mops-default/versions/" + (latest + 3))
                .then().statusCode(404);
    }

    @Test
    void publishingKeepsEveryVersionAndRunsUseTheNewest() throws Exception {
        String name = "qa-test-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode document = defaultDocument();
        document.put("name", name);
        publish(document).statusCode(201).body("version", equalTo(1)).body("name", equalTo(name));

        ((ObjectNode) document.at("/plan")).put("minimumAudienceSize", 500_000);
        publish(document).statusCode(201).body("version", equalTo(2))
                .header("Location", containsString("/qa/rule-sets/" + name + "/versions/2"));

        given().auth().oauth2(Tokens.user("carol")).get("/qa/rule-sets/" + name + "/versions")
                .then().statusCode(200).body("version", contains(1, 2));
        given().auth().oauth2(Tokens.user("carol")).get("/qa/rule-sets/" + name + "/versions/1")
                .then().statusCode(200).body("plan.minimumAudienceSize", equalTo(1000));

        given().auth().oauth2(Tokens.serviceAccount("channel-email"))
                .contentType(ContentType.JSON).body(SampleSubmissions.sample("good-email-black-friday-us"))
                .queryParam("ruleSet", name)
                .post("/qa/runs")
                .then().statusCode(201)
                .body("verdict", equalTo("needs-approval"))
                .body("ruleSet", equalTo(name))
                .body("ruleSetVersion", equalTo(2))
                .body("findings.ruleId", hasItem("plan.audience-minimum"))
                .body("findings.ruleSetVersion", hasItem(2));
    }

    @Test
    void anUnusableRuleSetIsRefusedNamingEveryBadField() throws Exception {
        ObjectNode document = defaultDocument();
        ((ObjectNode) document.at("/rules/plan.budget")).put("severity", "fatal");
        publish(document).statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("rules.plan.budget.severity"));

        ObjectNode badPattern = defaultDocument();
        ((com.fasterxml.jackson.databind.node.ArrayNode) badPattern.at("/sms/optOutPatterns")).add("(stop");
        publish(badPattern).statusCode(400).body("violations.field", hasItem("sms.optOutPatterns[2]"));
    }

    @Test
    void aChannelTeamMayNotPublishRuleSets() throws Exception {
        given().auth().oauth2(Tokens.serviceAccount("channel-email"))
                .contentType(ContentType.JSON).body(defaultDocument().toString()).post("/qa/rule-sets")
                .then().statusCode(403);
    }

    @Test
    void runningUnderAnUnknownRuleSetIsA400() {
        given().auth().oauth2(Tokens.user("carol"))
                .contentType(ContentType.JSON).body(SampleSubmissions.sample("good-email-black-friday-us"))
                .queryParam("ruleSet", "no-such-rules")
                .post("/qa/runs")
                .then().statusCode(400).body("violations[0].field", equalTo("ruleSet"));
    }

    @Test
    void anUnknownVersionIs404() {
        given().auth().oauth2(Tokens.user("carol")).get("/qa/rule-sets/mops-default/versions/999")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static io.restassured.response.ValidatableResponse publish(ObjectNode document) {
        return given().auth().oauth2(Tokens.user("carol"))
                .contentType(ContentType.JSON).body(document.toString()).post("/qa/rule-sets").then();
    }

    private static ObjectNode defaultDocument() throws Exception {
        try (var in = RuleSetResourceTest.class.getClassLoader().getResourceAsStream("rules/mops-default.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

}
