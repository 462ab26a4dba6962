package io.mops.qa.review;

import io.mops.qa.brand.CampaignCopy;
import io.mops.qa.campaign.CampaignSubmission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What the model is shown: the copy recipients read, the channel it goes out on and the countries it goes to (the
 * regional and cultural pitfalls depend on them). Nothing else of the submission reaches the model.
 *
 * @param copy the copy in reading order, cut at {@link #MAX_COPY_CHARS}
 */
public record CopyUnderReview(String channel, List<String> regions, String copy) {

    /** About 4 000 tokens: every realistic creative fits, and a pathological one cannot run up the model's bill. */
    public static final int MAX_COPY_CHARS = 16_000;

    /**
     * Part of the review's cache key: a change of prompt or of the answer's shape must not be answered from reviews
     * made under the old one.
     */
    static final String PROMPT_VERSION = "copy-review-1";

    public CopyUnderReview {
        regions = regions == null ? List.of() : List.copyOf(regions);
        copy = copy == null ? "" : copy;
        if (copy.length() > MAX_COPY_CHARS) {
            copy = copy.substring(0, MAX_COPY_CHARS);
        }
    }

    public static CopyUnderReview of(CampaignSubmission submission) {
        return new CopyUnderReview(submission.channel(), submission.audience().regions(),
                CampaignCopy.of(submission));
    }

    public boolean hasCopy() {
        return !copy.isBlank();
    }

    public String regionList() {
        return regions.isEmpty() ? "not stated" : String.join(", ", regions);
    }

    /**
     * The key a review is remembered by: the same copy, channel and regions reviewed by the same model under the same
     * prompt get the same review, which is what keeps a re-run's verdict the same.
     */
    public String digest(String model) {
        String key = String.join("\u0000", PROMPT_VERSION, model, channel, String.join(",", regions), copy);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
