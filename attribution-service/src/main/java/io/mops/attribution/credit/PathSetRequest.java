package io.mops.attribution.credit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** An aggregated path set as JSON: the ChannelAttribution columns, one object per path. */
@Schema(description = "Journeys aggregated by channel path, as exported from ChannelAttribution")
public record PathSetRequest(
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
        @Schema(examples = "EUR", description = "Currency of the conversion values") String currency,
        @NotEmpty @Size(max = 1_000_000) @Valid List<PathLine> paths,
        @Size(max = 1_000)
        @Schema(description = "Optional spend per channel over the same period, in the same currency; with it the "
                + "answer gives each channel's ROAS under each model", examples = "{\"search\": 412.50}")
        Map<@NotBlank @Size(max = 40) String, @NotNull @DecimalMin("0") BigDecimal> spend) {

    /** A path set without spend. */
    public PathSetRequest(String currency, List<PathLine> paths) {
        this(currency, paths, null);
    }

    @Schema(description = "How many journeys followed one path and how they ended")
    public record PathLine(
            @NotBlank @Size(max = 4000) @Schema(examples = "search > email > search") String path,
            @NotNull @Min(0) @Schema(examples = "12") Long conversions,
            @DecimalMin("0")
            @Digits(integer = PathFile.VALUE_INTEGER_DIGITS, fraction = PathFile.VALUE_DECIMALS,
                    message = PathFile.VALUE_DIGITS_MESSAGE)
            @Schema(examples = "1450.80", description = "Total value of the conversions; 0 if absent")
            BigDecimal conversionValue,
            @Min(0) @Schema(examples = "310", description = "Journeys on this path that did not convert; 0 if absent")
            Long nulls) {
    }
}
