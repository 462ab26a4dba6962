package io.mops.qa.brand;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.mops.qa.SampleSubmissions.sample;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(MopsInfra.class)
class BrandCorpusResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Runs judge under the newest version of a rule set; a rule set of the test's own, published from the bundled
     * default, has brand.voice on whatever the test database's mops-default was seeded with.
     */
    private static String publishRuleSet() throws Exception {
        String name = "brand-test-" + UUID.randomUUID().toString().substring(0, 8);
        try (var in = BrandCorpusResourceTest.class.getClassLoader().getResourceAsStream("rules/mops-default.json")) {
            ObjectNode document = (ObjectNode) JSON.readTree(in);
            document.put("name", name);
            given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON).body(document.toString())
                    .post("/qa/rule-sets").then().statusCode(201);
        }
        return name;
    }

    private static String newBrand() {
        return "brand-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ValidatableResponse add(String token, String brand, String stance, String text) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("stance", stance, "text", text))
                .post("/qa/brands/" + brand + "/examples").then();
    }

    private static ValidatableResponse check(String brand) throws Exception {
        String ruleSet = publishRuleSet();
        ObjectNode campaign = sample("good-email-black-friday-us");
        campaign.put("brand", brand);
        return given().auth().oauth2(Tokens.serviceAccount("channel-email")).contentType(ContentType.JSON)
                .queryParam("ruleSet", ruleSet).body(campaign.toString()).post("/qa/runs").then().statusCode(201);
    }

    @Test
    void onlyTheCoeKeepsTheCorpus() {
        String brand = newBrand();
        add(Tokens.serviceAccount("channel-email"), brand, "APPROVED", "Warm jackets for cold days.").statusCode(403);
        given().auth().oauth2(Tokens.user("alice")).get("/qa/brands/" + brand + "/examples").then().statusCode(403);
    }

    @Test
    void theCoeAddsListsAndRemovesExamples() {
        String brand = newBrand();
        String carol = Tokens.user("carol");
        String id = add(carol, brand, "APPROVED", "Warm jackets for cold days.")
                .statusCode(201)
                .header("Location", containsString("/qa/brands/" + brand + "/examples/"))
                .body("stance", equalTo("APPROVED"))
                .body("model", equalTo("all-minilm-l6-v2"))
                .body("createdBy", equalTo("carol"))
                .extract().path("id");
        add(carol, brand, "REJECTED", "BUY NOW OR REGRET IT FOREVER!!!").statusCode(201);

        given().auth().oauth2(carol).get("/qa/brands/" + brand + "/examples")
                .then().statusCode(200).body("stance", contains("APPROVED", "REJECTED"));

        given().auth().oauth2(carol).delete("/qa/brands/" + brand + "/examples/" + id).then().statusCode(204);
        given().auth().oauth2(carol).delete("/qa/brands/" + brand + "/examples/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(carol).get("/qa/brands/" + brand + "/examples").then().body("$", hasSize(1));
    }

    @Test
    void anExampleWithoutStanceOrTextIsA400NamingTheField() {
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON).body("{\"text\": \"Warm jackets\"}")
                .post("/qa/brands/" + newBrand() + "/examples")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", containsString("stance"));
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                .body("{\"stance\": \"APPROVED\", \"text\": \" \"}")
                .post("/qa/brands/" + newBrand() + "/examples")
                .then().statusCode(400).body("violations[0].field", containsString("text"));
    }

    @Test
    void copyFarFromEveryApprovedExampleNeedsApprovalWithTheNearestExamplesShown() throws Exception {
        String brand = newBrand();
        add(Tokens.user("carol"), brand, "APPROVED",
                "The board approved the revised dividend policy for all shareholders of record.").statusCode(201);

        check(brand)
                .body("verdict", equalTo("needs-approval"))
                .body("findings.find { it.ruleId == 'brand.voice' }.severity", equalTo("warn"))
                .body("findings.find { it.ruleId == 'brand.voice' }.ruleSet", startsWith("brand-test-"))
                .body("findings.find { it.ruleId == 'brand.voice' }.message",
                        containsString("\"The board approved the revised dividend policy"));
    }

    @Test
    void aBrandWithoutExamplesIsSkippedWithANote() throws Exception {
        check(newBrand())
                .body("verdict", equalTo("pass"))
                .body("findings.findAll { it.ruleId == 'brand.voice' }.severity", contains("info"))
                .body("findings.findAll { !(it.ruleId in ['brand.voice', 'ai.review', 'forecast.performance', 'links.resolves', 'spam.score']) }", empty());
    }
}
