package io.mops.testsupport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** A sample of the service under test's {@code /q/metrics}, read as Prometheus reads it. */
public final class ServiceMetrics {

    private ServiceMetrics() {
    }

    /**
     * The value of an untagged counter or gauge ({@code mops_consumer_database_outage_retries_total}, say); 0 while
     * it does not exist yet (a counter appears with its first increment).
     */
    public static double sample(String name) {
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher sample = Pattern.compile("^" + Pattern.quote(name) + "(?:\\{[^}]*})? (\\S+)$", Pattern.MULTILINE)
                .matcher(scrape);
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
    }
}
