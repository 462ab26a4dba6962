package io.mops.budget.guard;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A person's resolution of an anomaly: what they found and did. */
public record Resolution(@NotBlank @Size(max = 2000) String comment) {
}
