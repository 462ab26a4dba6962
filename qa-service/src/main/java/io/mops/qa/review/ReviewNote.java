package io.mops.qa.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One concern the model raises about the copy, in the shape the model is asked to fill.
 *
 * @param concern     what kind of problem: {@code tone}, {@code cultural}, {@code regional} or {@code unsupported-claim}
 * @param severity    how much the model thinks it matters ({@code info}, {@code warn}, {@code block}); QA never lets
 *                    an advisory review hold a launch harder than {@code warn}
 * @param quote       the words of the copy the concern is about
 * @param explanation why it is a problem, for the channel team
 * @param suggestion  how to change the copy
 */
public record ReviewNote(
        @NotBlank @Pattern(regexp = "tone|cultural|regional|unsupported-claim", message = "must be tone, cultural, regional or unsupported-claim")
        String concern,
        @NotBlank @Pattern(regexp = "info|warn|block", message = "must be info, warn or block")
        String severity,
        @Size(max = 500) String quote,
        @NotBlank @Size(max = 1000) String explanation,
        @Size(max = 1000) String suggestion) {
}
