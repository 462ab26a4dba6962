package io.mops.testing.experiment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * An experiment's variants, either listed by hand or generated as the cross product of creative components; one
 * of the two, not both.
 */
@Schema(description = "Variants listed by hand (with optional weights adding up to 1) or generated from components")
public record VariantPlan(
        @Pattern(regexp = VariantPlan.KEY, message = VariantPlan.KEY_MESSAGE)
        @Schema(description = "Key of the control variant; defaults to the first variant", examples = "control")
        String control,
        @Size(max = 500, message = "at most 500 variants") List<@NotNull @Valid Variant> variants,
        @Schema(description = "Component name to its values; every combination becomes a variant with an even share",
                examples = "{\"headline\": [\"Save 20%\", \"Free shipping\"], \"cta\": [\"Shop now\", \"See deals\"]}")
        LinkedHashMap<@NotBlank @Size(max = 40) String, @NotNull @Size(min = 1, max = 500) List<@NotBlank @Size(max = 200) String>> components) {

    static final String KEY = "[a-z0-9][a-z0-9_-]{0,79}";
    static final String KEY_MESSAGE = "must be 1-80 lowercase letters, digits, dashes or underscores";

    @Schema(description = "One variant; give a weight to every variant or to none (even split)")
    public record Variant(
            @NotBlank @Pattern(regexp = KEY, message = KEY_MESSAGE) @Schema(examples = "control") String key,
            @Size(max = 200) @Schema(examples = "Current subject line") String name,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @Schema(examples = "0.5") Double weight) {
    }
}
