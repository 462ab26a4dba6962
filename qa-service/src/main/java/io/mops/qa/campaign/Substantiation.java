package io.mops.qa.campaign;

import jakarta.validation.constraints.Size;

/**
 * Evidence on file for a claim in the copy: the claim as worded ("Free shipping", "#1 rated") and where legal can
 * find its proof (a terms page, a study, a ticket).
 */
public record Substantiation(@Size(max = 200) String claim, @Size(max = 500) String reference) {
}
