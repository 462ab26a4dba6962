package io.mops.qa.run;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the CoE dismisses a needs-review finding ("opened it by hand: the page loads, the shop was down at 10:02"). */
public record DismissalRequest(@NotBlank @Size(max = 2000) String reason) {
}
