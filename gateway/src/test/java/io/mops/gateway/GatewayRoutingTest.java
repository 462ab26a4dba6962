package io.mops.gateway;

import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@WithTestResource(MopsInfra.class)
@WithTestResource(EchoUpstream.class)
class GatewayRoutingTest {

    @Test
    void bearerCallIsRoutedToItsServiceWithTheSameToken() {
        String token = Tokens.serviceAccount("channel-search");
        given().auth().oauth2(token).get("/api/attribution/channel-performance?limit=5")
                .then().statusCode(200)
                .body("uri", equalTo("/attribution/channel-performance?limit=5"))
                .body("authorization", equalTo("Bearer " + token));
    }

    @Test
    void aProgramWithoutATokenGets401NotALoginPage() {
        given().accept("application/json").get("/api/attribution/channel-performance")
                .then().statusCode(401);
    }

    @Test
    void aForgedTokenNeverReachesTheService() {
        String real = Tokens.serviceAccount("channel-search");
        String forged = real.substring(0, real.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().auth().oauth2(forged).get("/api/attribution/channel-performance").then().statusCode(401);
    }

    @Test
    void anUnknownServiceIsAProblemNotA500() {
        given().auth().oauth2(Tokens.serviceAccount("channel-search")).get("/api/nowhere/x")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("/api/nowhere"));
    }

    @Test
    void meShowsWhatTheServicesWillSee() {
        given().auth().oauth2(Tokens.serviceAccount("channel-search")).get("/me")
                .then().statusCode(200)
                .body("roles", hasItem("channel-team"))
                .body("channel", equalTo("search"));
    }

    @Test
    void aCallerOverItsAllowanceIsToldWhenToComeBack() {
        // The test profile allows service-account-channel-email three requests a minute.
        String token = Tokens.serviceAccount("channel-email");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/attribution/x").then().statusCode(200);
        }
        given().auth().oauth2(token).get("/api/attribution/x")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(Tokens.serviceAccount("channel-search")).get("/api/attribution/x")
                .then().statusCode(200);
    }

    @Test
    void anIngestRouteHasAnAllowanceOfItsOwnAndSaysHowMuchIsLeft() {
        // channel-email may send three general requests a minute, but ingest has its own 6,000 (application.properties).
        String token = Tokens.serviceAccount("channel-email");
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).contentType("application/x-ndjson").body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .post("/api/attribution/touchpoints")
                    .then().statusCode(200)
                    .body("method", equalTo("POST"))
                    .header("RateLimit-Limit", "6000")
                    .header("RateLimit-Policy", "6000;w=60")
                    .header("RateLimit-Remaining", org.hamcrest.Matchers.notNullValue());
        }
    }

    @Test
    void aRouteAllowanceForOneCallerIsCountedApartFromTheGeneralOne() {
        // The test profile gives channel-email two spend imports a minute.
        String token = Tokens.serviceAccount("channel-email");
        for (int remaining = 1; remaining >= 0; remaining--) {
            given().auth().oauth2(token).contentType("application/x-ndjson").body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .post("/api/attribution/spend")
                    .then().statusCode(200)
                    .header("RateLimit-Limit", "2")
                    .header("RateLimit-Remaining", String.valueOf(remaining));
        }
        Response refused = given().auth().oauth2(token).contentType("application/x-ndjson").body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/attribution/spend");
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("detail", containsString("ingest-spend"))
                .header("RateLimit-Remaining", "0");
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        // Two a minute: the next one is due within 30 s.
        org.junit.jupiter.api.Assertions.assertTrue(retryAfter >= 1 && retryAfter <= 30, "Retry-After " + retryAfter);
    }

    @Test
    void everyApiRequestLeavesOneAccessLineWithCallerStatusDurationAndTraceId() {
        java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger access = java.util.logging.Logger.getLogger("io.mops.gateway.access");
        access.addHandler(handler);
        try {
            String traceId = java.util.UUID.randomUUID().toString().replace("-", "");
            given().auth().oauth2(Tokens.serviceAccount("channel-search"))
                    .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                    .get("/api/attribution/logged").then().statusCode(200);
            given().auth().oauth2(Tokens.serviceAccount("channel-social")).get("/api/attribution/untraced")
                    .then().statusCode(200);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> lines.stream()
                    .filter(l -> l.contains("path=/api/attribution/logged") || l.contains("path=/api/attribution/untraced"))
                    .count() == 2);
            String traced = lines.stream().filter(l -> l.contains("path=/api/attribution/logged")).findFirst().orElseThrow();
            org.junit.jupiter.api.Assertions.assertTrue(traced.matches("caller=service-account-channel-search method=GET"
                    + " path=/api/attribution/logged allowance=general status=200 duration_ms=\\d+\\.\\d trace_id=" + traceId),
                    traced);
            String untraced = lines.stream().filter(l -> l.contains("path=/api/attribution/untraced")).findFirst()
                    .orElseThrow();
            org.junit.jupiter.api.Assertions.assertTrue(untraced.matches(".* status=200 .* trace_id=[0-9a-f]{32}"), untraced);
        } finally {
            access.removeHandler(handler);
        }
    }

    @Test
    void theConsoleSendsAPersonToKeycloakAndAProgramGets401() {
        Response person = given().redirects().follow(false).accept("text/html").get("/");
        person.then().statusCode(302);
        org.junit.jupiter.api.Assertions.assertTrue(person.header("Location").contains("code_challenge_method=S256"),
                person.header("Location"));
        given().accept("application/json").get("/").then().statusCode(401);
    }

    @Test
    void theSignedOutPageIsOpenAndEveryAnswerCarriesAStrictContentSecurityPolicy() {
        given().accept("text/html").get("/signed-out.html").then().statusCode(200)
                .body(containsString("signed out"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", org.hamcrest.Matchers.not(containsString("unsafe-inline")))
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void aPersonIsSentToKeycloakWithPkce() {
        Response response = given().redirects().follow(false).accept("text/html").get("/login");
        response.then().statusCode(302);
        String location = response.header("Location");
        org.junit.jupiter.api.Assertions.assertTrue(location.contains("/realms/mops/protocol/openid-connect/auth"), location);
        org.junit.jupiter.api.Assertions.assertTrue(location.contains("client_id=mops-gateway"), location);
        org.junit.jupiter.api.Assertions.assertTrue(location.contains("code_challenge_method=S256"), location);
    }
}
