package io.mops.approval.policy;

import java.math.BigDecimal;
import java.util.Set;

/** What policies match a request on. */
public record RequestFacts(String kind, String channel, BigDecimal amount, String currency, Integer riskScore,
                           String verdict, Set<String> categories) {

    public RequestFacts {
        categories = categories == null ? Set.of() : Set.copyOf(categories);
    }
}
