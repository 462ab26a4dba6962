package io.mops.budget.activation;

import java.time.Instant;

public record VariantAdView(String experimentKey, String variantKey, String platform, String accountId,
                            String adGroupId, String adId, String changedBy, Instant changedAt) {

    static VariantAdView of(ActivationVariant row) {
        return new VariantAdView(row.experimentKey, row.variantKey, row.platform.key(), row.accountId, row.adGroupId,
                row.adId, row.changedBy, row.changedAt);
    }
}
