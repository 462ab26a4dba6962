package io.mops.attribution.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Locale;
import java.util.UUID;

/**
 * One channel mapping rule: traffic whose source, medium and campaign match the patterns belongs to {@code channel}
 * (and, for ad spend, to the budget campaign {@code budgetCampaignId}). A pattern is matched against the whole value,
 * ignoring case, with {@code *} standing for any run of characters; an absent pattern matches anything, including a
 * value that is absent.
 *
 * @param budgetCampaignId the budget-service campaign the matched ad platform campaign's spend is booked to; absent,
 *                         the spend gets a campaign id of its own derived from the platform and campaign name
 */
public record MappingRule(
        @Size(max = 200) String source,
        @Size(max = 200) String medium,
        @Size(max = 200) String campaign,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String channel,
        UUID budgetCampaignId) {

    /** Whether the rule matches these values of a visit or a cost report line (any of them may be absent). */
    public boolean matches(String sourceValue, String mediumValue, String campaignValue) {
        return matches(source, sourceValue) && matches(medium, mediumValue) && matches(campaign, campaignValue);
    }

    static boolean matches(String pattern, String value) {
        if (pattern == null || pattern.isEmpty() || pattern.equals("*")) {
            return true;
        }
        if (value == null) {
            return false;
        }
        return glob(pattern.toLowerCase(Locale.ROOT), value.toLowerCase(Locale.ROOT));
    }

    /** {@code *} matches any run of characters, everything else itself; linear greedy match with backtracking to the last star. */
    private static boolean glob(String pattern, String value) {
        int p = 0;
        int v = 0;
        int star = -1;
        int resume = 0;
        while (v < value.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = v;
            } else if (p < pattern.length() && pattern.charAt(p) == value.charAt(v)) {
                p++;
                v++;
            } else if (star >= 0) {
                p = star + 1;
                v = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
