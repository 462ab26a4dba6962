package io.mops.qa.brand;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An example the CoE adds to a brand's corpus. */
public record NewBrandExample(@NotNull Stance stance, @NotBlank @Size(max = 5000) String text) {
}
