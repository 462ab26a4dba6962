package io.mops.testsupport;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The platform contract checked against the packaged application ({@code target/quarkus-app}) rather than the
 * test-time class path: extend it in a {@code @QuarkusIntegrationTest} named {@code *IT}. Class-loading and
 * packaging faults (a library missing beside a parent-first artifact, say) pass every {@code @QuarkusTest} and
 * only show here, where the jar that {@code ./mops up} and the container image run is started.
 */
public abstract class PackagedServiceTest extends PlatformContractTest {

    /** A GET endpoint of the service that needs a token and reads the database. */
    protected abstract String protectedRead();

    /** A token allowed to call {@link #protectedRead()}. */
    protected String readerToken() {
        return Tokens.serviceAccount("mops-coe");
    }

    @Test
    void refusesAnAnonymousCallerWithAProblem() {
        given().accept("application/json").get(protectedRead())
                .then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void answersACallerWithARealToken() {
        given().auth().oauth2(readerToken()).accept("application/json").get(protectedRead())
                .then().statusCode(200);
    }

    @Test
    void anUnknownPathIsStillANotFoundProblemWhenAuthenticated() {
        given().auth().oauth2(readerToken()).accept("application/json").get("/no-such-resource")
                .then().statusCode(404).body("status", equalTo(404));
    }
}
