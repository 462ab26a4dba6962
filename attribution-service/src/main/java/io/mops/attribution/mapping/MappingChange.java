package io.mops.attribution.mapping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A new version of the rules: the whole ordered list, replacing the one in force.
 *
 * @param expectedVersion the version the change was made against (0 for the first); another change in between makes
 *                        this one a 409, so that no edit silently overwrites a colleague's
 */
public record MappingChange(
        @NotNull @PositiveOrZero Integer expectedVersion,
        @NotNull @Size(max = 1000) List<@NotNull @Valid MappingRule> rules,
        @Size(max = 500) String comment) {
}
