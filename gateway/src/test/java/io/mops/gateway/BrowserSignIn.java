package io.mops.gateway;

import io.restassured.response.Response;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person signing in at the gateway through the real Keycloak login form, as a browser would (no JavaScript). */
final class BrowserSignIn {

    private static final Pattern FORM_ACTION = Pattern.compile("action=\"([^\"]+)\"");

    private BrowserSignIn() {
    }

    /** The gateway's cookies once {@code username} has signed in (authorization code + PKCE). */
    static Map<String, String> signIn(String username, String password) {
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
                .formParam("username", username).formParam("password", password)
                .post(action.group(1).replace("&amp;", "&"));
        assertEquals(302, signedIn.statusCode(), "Keycloak accepts " + username + " and sends them back");
        String callback = signedIn.header("Location");

        Response back = given().urlEncodingEnabled(false).redirects().follow(false).cookies(gatewayCookies).get(callback);
        assertEquals(302, back.statusCode(), "the gateway redeems the code and restores the page asked for");
        gatewayCookies.putAll(back.cookies());
        assertTrue(gatewayCookies.keySet().stream().anyMatch(name -> name.startsWith("q_session")),
                "a session cookie is set: " + gatewayCookies.keySet());
        return gatewayCookies;
    }
}
