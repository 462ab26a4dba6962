package io.mops.testsupport;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * What every MOPS module promises operations, checked the same way everywhere: extend it in a
 * {@code @QuarkusTest} of the module.
 */
public abstract class PlatformContractTest {

    /** Substrings of readiness check names that must be present and UP (e.g. the database and Kafka). */
    protected List<String> requiredReadinessChecks() {
        return List.of("PostgreSQL", "Kafka");
    }

    /** A GET endpoint that needs a platform token the {@code mops-coe} service account has. */
    protected abstract String protectedRead();

    /**
     * RFC 8725: a token Keycloak issued in the same realm, correctly signed, to a client that is not part of the
     * platform (its {@code aud} lacks {@code mops-services}) is refused like a forged one, not judged by its roles.
     * {@code approval-directory} is such a client: approval-service uses it to read Keycloak's directory only.
     */
    @Test
    void aTokenOfTheRealmForAnotherAudienceIsRefused() {
        String foreign = Tokens.serviceAccount("approval-directory");
        org.junit.jupiter.api.Assertions.assertFalse(Tokens.claims(foreign).path("aud").toString()
                .contains("mops-services"), "the test needs a token without the platform's audience");
        given().auth().oauth2(foreign).accept("application/json").get(protectedRead()).then().statusCode(401);
        given().auth().oauth2(Tokens.serviceAccount("mops-coe")).accept("application/json").get(protectedRead())
                .then().statusCode(org.hamcrest.Matchers.not(401));
    }

    @Test
    void isLive() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void isReadyWithItsDependenciesChecked() {
        var ready = given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        for (String check : requiredReadinessChecks()) {
            ready.body("checks.name", hasItem(containsString(check)));
        }
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).body("openapi", startsWith("3."));
    }

    @Test
    void servesSwaggerUi() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void anUnknownPathIsANotFoundProblem() {
        given().accept("application/json").get("/no-such-resource")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}
