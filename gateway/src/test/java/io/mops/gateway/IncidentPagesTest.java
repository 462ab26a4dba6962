package io.mops.gateway;

import io.mops.testsupport.MopsInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's incident pages, for people signed in through the real Keycloak (code flow), over a stand-in
 * approval-service ({@link IncidentsUpstream}) whose incidents carry markup in their texts.
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
@WithTestResource(IncidentsUpstream.class)
class IncidentPagesTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private static List<Map<String, Object>> receivedByApprovalService() {
        String approvals = ConfigProvider.getConfig().getValue("mops.gateway.routes.approvals", String.class);
        return given().get(approvals + "/received").then().statusCode(200).extract().jsonPath().getList("$");
    }

    @Test
    void theListShowsOpenAndRecentIncidentsWithTheirTextsEscaped() {
        Map<String, String> carol = BrowserSignIn.signIn("carol", "carol-local");
        String page = given().cookies(carol).accept("text/html").get("/coe/incidents")
                .then().statusCode(200)
                .body(containsString("id=\"open-incidents\""))
                .body(containsString("id=\"recent-incidents\""))
                .body(containsString("href=\"/coe/incidents\""))
                .extract().asString();
        assertFalse(page.contains("<script>alert(1)</script>"), "the detector's markup is not markup on the page");
        assertTrue(page.contains("tracking-breakage&lt;script&gt;alert(1)&lt;/script&gt;"), page);
        String open = page.substring(page.indexOf("id=\"open-incidents\""), page.indexOf("id=\"recent-incidents\""));
        assertTrue(open.contains(IncidentsUpstream.OPEN) && !open.contains(IncidentsUpstream.RESOLVED), open);
        assertTrue(open.contains("Channel&#39;s autonomous budget moves frozen")
                || open.contains("Channel's autonomous budget moves frozen"), open);
        assertTrue(open.contains("not yet"), "nobody acknowledged the open one: " + open);
        assertTrue(open.contains("Not rated"), "an incident budget-service did not rate: " + open);
        String recent = page.substring(page.indexOf("id=\"recent-incidents\""));
        assertTrue(recent.contains("Resolved in budget-service by omar"), recent);
        assertTrue(recent.contains("Campaign spend paused"), recent);
        assertTrue(recent.contains("5c0e9a1b-0000-4000-8000-000000000002"), "the paused campaign: " + recent);
        assertTrue(recent.contains(">omar<"), "who acknowledged it: " + recent);
        assertTrue(recent.contains("class=\"severity\">Medium<"), "budget-service's rating: " + recent);
    }

    @Test
    void theDetailPageDrawsTheEvidenceWithTheConsolesChartAndEscapesIt() {
        Map<String, String> carol = BrowserSignIn.signIn("carol", "carol-local");
        String page = given().cookies(carol).accept("text/html").get("/coe/incidents/" + IncidentsUpstream.RESOLVED)
                .then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .extract().asString();
        // observed 3100 against 1000 expected, as the evidence says; the chart is console.js's "bars", drawn from data.
        assertTrue(page.contains("data-chart=\"bars\""), page);
        assertTrue(page.contains("data-values=\"[3100.0,1000.0]\""), page);
        assertTrue(page.contains("data-labels=\"[&quot;Observed&quot;,&quot;Expected&quot;]\""), page);
        assertTrue(page.contains("id=\"incident-observed\">3100<"), page);
        assertTrue(page.contains("id=\"incident-statistic\">9.36E-14<"), page);
        assertTrue(page.contains("id=\"incident-severity\">Medium<"), page);
        assertTrue(page.contains("1.55 times as far as its alarm line"), page);
        assertFalse(page.contains("<script>alert"), "no inline script");
        assertFalse(page.contains("id=\"acknowledge-form\""), "a resolved incident is not acknowledged any more");

        String open = given().cookies(carol).accept("text/html").get("/coe/incidents/" + IncidentsUpstream.OPEN)
                .then().statusCode(200).extract().asString();
        assertFalse(open.contains("<img src=x"), "the evidence's markup is escaped");
        assertTrue(open.contains("&lt;img src=x onerror=alert(2)&gt;"), open);
        assertTrue(open.contains("id=\"acknowledge-form\""), open);
    }

    @Test
    void acknowledgingNeedsTheFormsCsrfTokenAndThenReachesApprovalService() {
        Map<String, String> carol = new HashMap<>(BrowserSignIn.signIn("carol", "carol-local"));
        Response form = given().cookies(carol).accept("text/html")
                .get("/coe/incidents/" + IncidentsUpstream.TO_ACKNOWLEDGE);
        assertEquals(200, form.statusCode());
        carol.putAll(form.cookies());
        Matcher token = CSRF_FIELD.matcher(form.asString());
        assertTrue(token.find(), "the form carries the CSRF token");

        // Without the token: refused before the resource runs; approval-service hears nothing.
        given().cookies(carol).redirects().follow(false).formParam("comment", "on it")
                .post("/coe/incidents/" + IncidentsUpstream.TO_ACKNOWLEDGE + "/acknowledgement")
                .then().statusCode(403);
        // With a wrong token: the same.
        given().cookies(carol).redirects().follow(false).formParam("comment", "on it")
                .formParam("csrf-token", "forged")
                .post("/coe/incidents/" + IncidentsUpstream.TO_ACKNOWLEDGE + "/acknowledgement")
                .then().statusCode(403);
        assertEquals(List.of(), receivedByApprovalService());

        // A blank comment is refused on the page, naming what is missing.
        given().cookies(carol).redirects().follow(false).formParam("comment", "  ")
                .formParam("csrf-token", token.group(1))
                .post("/coe/incidents/" + IncidentsUpstream.TO_ACKNOWLEDGE + "/acknowledgement")
                .then().statusCode(400).body(containsString("needs a comment"));
        assertEquals(List.of(), receivedByApprovalService());

        Response acknowledged = given().cookies(carol).redirects().follow(false).formParam("comment", "  on it  ")
                .formParam("csrf-token", token.group(1))
                .post("/coe/incidents/" + IncidentsUpstream.TO_ACKNOWLEDGE + "/acknowledgement");
        assertEquals(303, acknowledged.statusCode(), acknowledged.asString());
        assertTrue(acknowledged.header("Location").endsWith("/coe/incidents/" + IncidentsUpstream.TO_ACKNOWLEDGE
                + "?acknowledged=yes"), acknowledged.header("Location"));
        assertEquals(List.of(Map.of("comment", "on it")), receivedByApprovalService());

        given().cookies(carol).accept("text/html").get(acknowledged.header("Location"))
                .then().statusCode(200)
                .body(containsString("You acknowledged this incident."))
                .body(containsString("Acknowledged by <strong>carol</strong>"))
                .body(not(containsString("id=\"acknowledge-form\"")));
    }

    @Test
    void onlyTheCoeSeesIncidents() {
        Map<String, String> sam = BrowserSignIn.signIn("sam", "sam-local");
        given().cookies(sam).accept("text/html").get("/coe/incidents").then().statusCode(403);
        given().cookies(sam).accept("text/html").get("/coe/incidents/" + IncidentsUpstream.OPEN).then().statusCode(403);
    }
}
