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
