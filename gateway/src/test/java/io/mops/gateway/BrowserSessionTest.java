package io.mops.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mops.testsupport.LocalStack;
import io.mops.testsupport.MopsInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

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

    @Test
    void approverSignsInAndHerSessionCallsTheServicesWithHerToken() {
        Map<String, String> gatewayCookies = BrowserSignIn.signIn("alice", "alice-local");

        given().cookies(gatewayCookies).get("/me")
                .then().statusCode(200).body("name", equalTo("alice")).body("roles", hasItem("approver"));

        given().cookies(gatewayCookies).get("/api/attribution/channel-performance")
                .then().statusCode(200)
                .body("authorization", startsWith("Bearer ey"))
                .body("cookie", nullValue());
    }

    /**
     * Back-channel logout: when the person's Keycloak session ends without the gateway being asked (here an
     * administrator ends it), Keycloak posts a logout token to the gateway and the gateway's session is gone.
     */
    @Test
    void endingTheKeycloakSessionEndsTheGatewaySession() {
        KeycloakAdmin admin = new KeycloakAdmin();
        ObjectNode client = admin.client("mops-gateway");
        ObjectNode changed = client.deepCopy();
        // This test's gateway listens on its own port; the realm file registers the local platform's 8080.
        changed.put("frontchannelLogout", false);
        ((ObjectNode) changed.with("attributes")).put("backchannel.logout.url",
                "http://localhost:" + RestAssured.port + "/back-channel-logout")
                .put("backchannel.logout.session.required", "true");
        admin.updateClient(changed);
        try {
            Map<String, String> cookies = BrowserSignIn.signIn("carol", "carol-local");
            given().cookies(cookies).get("/me").then().statusCode(200).body("name", equalTo("carol"));

            admin.logOut("carol");

            Response after = given().cookies(cookies).redirects().follow(false).accept("text/html").get("/me");
            assertEquals(302, after.statusCode(), "the session is gone, so the gateway sends carol to sign in again: "
                    + after.body().asString());
            assertTrue(after.header("Location").startsWith(LocalStack.ensureRunning().oidcUrl()),
                    "to Keycloak's login: " + after.header("Location"));
        } finally {
            admin.updateClient(client);
        }
    }
}
