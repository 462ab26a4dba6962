package io.mops.gateway;

import io.mops.testsupport.MopsInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person signs in through the real Keycloak login form (authorization code + PKCE), and the session then
 * reaches the services with a bearer token the gateway attaches.
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
@WithTestResource(EchoUpstream.class)
class BrowserSessionTest {

    private static final Pattern FORM_ACTION = Pattern.compile("action=\"([^\"]+)\"");

    @Test
    void approverSignsInAndHerSessionCallsTheServicesWithHerToken() {
        Map<String, String> gatewayCookies = new HashMap<>();

        Response toKeycloak = given().redirects().follow(false).accept("text/html").get("/login");
        assertEquals(302, toKeycloak.statusCode());
        gatewayCookies.putAll(toKeycloak.cookies());

        // The URLs come encoded already; rest-assured must not encode them a second time.
        Response loginPage = given().urlEncodingEnabled(false).redirects().follow(false)
                .get(toKeycloak.header("Location"));
        assertEquals(200, loginPage.statusCode());
        Matcher action = FORM_ACTION.matcher(loginPage.body().asString());
        assertTrue(action.find(), "Keycloak shows a login form");

        Response signedIn = given().urlEncodingEnabled(false).redirects().follow(false)
                .cookies(loginPage.cookies())
                .formParam("username", "alice").formParam("password", "alice-local")
                .post(action.group(1).replace("&amp;", "&"));
        assertEquals(302, signedIn.statusCode(), "Keycloak accepts alice and sends her back");
        String callback = signedIn.header("Location");

        Response back = given().urlEncodingEnabled(false).redirects().follow(false).cookies(gatewayCookies).get(callback);
        assertEquals(302, back.statusCode(), "the gateway redeems the code and restores the page asked for");
        gatewayCookies.putAll(back.cookies());
        assertTrue(gatewayCookies.keySet().stream().anyMatch(name -> name.startsWith("q_session")),
                "a session cookie is set: " + gatewayCookies.keySet());

        given().cookies(gatewayCookies).get("/me")
                .then().statusCode(200).body("name", equalTo("alice")).body("roles", hasItem("approver"));

        given().cookies(gatewayCookies).get("/api/attribution/channel-performance")
                .then().statusCode(200)
                .body("authorization", startsWith("Bearer ey"))
                .body("cookie", nullValue());
    }
}
