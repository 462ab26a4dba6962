package io.mops.budget;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** The service's {@code mops_dead_letters_total} for one source topic, read from /q/metrics as Prometheus would. */
public final class DeadLetterCount {

    private DeadLetterCount() {
    }

    /** 0 while nothing of {@code topic} was dead-lettered (the counter appears with its first message). */
    public static double of(String topic) {
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        // The topic carries the environment's prefix, if any, before the platform's name.
        Matcher sample = Pattern.compile("^mops_dead_letters_total\\{topic=\"[^\"]*" + Pattern.quote(topic)
                + "\"} (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
    }
}
