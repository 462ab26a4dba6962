package io.mops.qa.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The model's review of a campaign's copy: the structure it is asked to answer in, validated before QA believes
 * it. An empty list means the model found nothing to say.
 */
public record CopyReview(@NotNull @Size(max = MAX_NOTES) List<@NotNull @Valid ReviewNote> findings) {

    /** More than this is the model rambling, not reviewing; such an answer is treated as malformed. */
    public static final int MAX_NOTES = 20;
}
