package io.mops.approval.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A CoE person takes an incident on: what they have seen and will do. */
public record AcknowledgementRequest(@NotBlank @Size(max = 2000) String comment) {
}
