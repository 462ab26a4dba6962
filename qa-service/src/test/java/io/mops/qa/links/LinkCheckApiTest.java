package io.mops.qa.links;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.mops.qa.SampleSubmissions.sample;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Links resolved through the running service against a web site on the loopback address (the only host %test
 * allows), and the CoE's dismissal of a finding that needs review.
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class LinkCheckApiTest {

    private static final String TAGS = "utm_source=newsletter&utm_medium=email&utm_campaign=2026-11-black-friday-us";
    private static final String SHOP_LINK =
            "https://www.northwind.example/winter-jackets?" + TAGS;

    private final LocalSite site = new LocalSite();

    @AfterEach
    void stop() {
        site.close();
    }

    private ObjectNode campaignLinkingTo(String url) {
        ObjectNode campaign = sample("good-email-black-friday-us");
        ObjectNode email = (ObjectNode) campaign.at("/creatives/email");
        String html = email.get("html").asText();
        assertTrue(html.contains(SHOP_LINK), "the sample links to the winter jackets");
        email.put("html", html.replace(SHOP_LINK, url));
        return campaign;
    }

    private static ValidatableResponse submit(ObjectNode campaign) {
        return given().auth().oauth2(Tokens.serviceAccount("channel-email")).contentType(ContentType.JSON)
                .body(campaign).post("/qa/runs").then();
    }

    private static ValidatableResponse dismiss(String token, String runId, int index, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/qa/runs/" + runId + "/findings/" + index + "/dismissal").then();
    }

    @Test
    void aBrokenLinkBlocksTheLaunch() {
        submit(campaignLinkingTo(site.url("/gone?" + TAGS)))
                .statusCode(201)
                .body("verdict", equalTo("blocked"))
                .body("findings.find { it.ruleId == 'links.resolves' && it.severity == 'block' }.message",
                        containsString("is broken: 404"));
        assertEquals(1, site.requestsTo("/gone").size());
    }

    @Test
    void aLinkThatCannotBeDecidedNeedsReviewAndTheCoeDismissesItWithAReason() {
        site.status("/down", 503);
        JsonPath run = submit(campaignLinkingTo(site.url("/down?" + TAGS)))
                .statusCode(201)
                .body("verdict", equalTo("needs-approval"))
                .extract().jsonPath();
        String runId = run.getString("id");
        List<Map<String, Object>> findings = run.getList("findings");
        int index = indexOf(findings, f -> Boolean.TRUE.equals(f.get("needsReview")));
        assertEquals("links.resolves", findings.get(index).get("ruleId"));
        assertEquals("warn", findings.get(index).get("severity"));
        int decided = indexOf(findings, f -> !Boolean.TRUE.equals(f.get("needsReview")));
        String carol = Tokens.user("carol");

        dismiss(Tokens.serviceAccount("channel-email"), runId, index, Map.of("reason", "works for me"))
                .statusCode(403);
        dismiss(carol, runId, index, Map.of("reason", " ")).statusCode(400)
                .contentType("application/problem+json").body(containsString("reason"));
        dismiss(carol, runId, index, Map.of()).statusCode(400).body(containsString("reason"));
        dismiss(carol, runId, decided, Map.of("reason", "not mine to dismiss")).statusCode(409);
        dismiss(carol, runId, findings.size(), Map.of("reason", "no such finding")).statusCode(404);

        dismiss(carol, runId, index, Map.of("reason", "Opened it by hand: the store locator loads."))
                .statusCode(200)
                .body("findings[" + index + "].dismissal.by", equalTo("carol"))
                .body("findings[" + index + "].dismissal.reason", equalTo("Opened it by hand: the store locator loads."))
                .body("verdict", equalTo("needs-approval"));
        dismiss(carol, runId, index, Map.of("reason", "again")).statusCode(409);

        given().auth().oauth2(Tokens.serviceAccount("channel-email")).get("/qa/runs/" + runId).then()
                .statusCode(200)
                .body("findings[" + index + "].dismissal.by", equalTo("carol"))
                .body("findings[" + decided + "].dismissal", nullValue());
    }

    @Test
    void linksOutsideTheAllowedHostsAreNeverRequestedInTests() {
        submit(sample("good-email-black-friday-us"))
                .statusCode(201)
                .body("verdict", equalTo("pass"))
                .body("findings.findAll { it.ruleId == 'links.resolves' }.message",
                        hasItem(containsString("on names reserved for documentation and tests (RFC 2606) not requested")));
    }

    private static int indexOf(List<Map<String, Object>> findings, java.util.function.Predicate<Map<String, Object>> p) {
        for (int i = 0; i < findings.size(); i++) {
            if (p.test(findings.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such finding in " + findings);
    }
}
