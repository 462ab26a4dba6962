package io.mops.budget.activation;

import io.mops.common.problem.InvalidRequestException;

import java.util.Arrays;

/** The ad platforms decisions are sent to, by the key the REST API and the audit name them with. */
public enum Platform {
    GOOGLE_ADS("google-ads"),
    META("meta");

    private final String key;

    Platform(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Platform of(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst()
                .orElseThrow(() -> new InvalidRequestException("platform", "no ad platform '" + key + "'; one of google-ads, meta"));
    }
}
