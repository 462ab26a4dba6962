package io.mops.gateway.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateExtension;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** How the console's templates print times, amounts and chart data. */
@TemplateExtension
public final class ConsoleFormats {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConsoleFormats() {
    }

    static String when(Instant instant) {
        return instant == null ? "–" : WHEN.format(instant);
    }

    /** Machine-readable for {@code <time datetime>}. */
    static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** "45 min", "5 h", "3 d". */
    static String human(Duration age) {
        if (age == null) {
            return "–";
        }
        if (age.toDays() >= 1) {
            return age.toDays() + " d";
        }
        if (age.toHours() >= 1) {
            return age.toHours() + " h";
        }
        return Math.max(0, age.toMinutes()) + " min";
    }

    static String money(BigDecimal amount) {
        if (amount == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getNumberInstance(Locale.UK);
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }

    /** Signed and rounded: "+1,234", "−56". */
    static String signed(Double value) {
        if (value == null) {
            return "–";
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(0, RoundingMode.HALF_EVEN);
        String digits = money(rounded.abs());
        return rounded.signum() > 0 ? "+" + digits : rounded.signum() < 0 ? "−" + digits : digits;
    }

    /** A signed amount of money, e.g. a channel's shift. */
    static String change(BigDecimal value) {
        return value == null ? "–" : signed(value.doubleValue());
    }

    /** A rate such as a click rate, to two decimals of a percent: "2.13 %". */
    static String rate(Double share) {
        return share == null ? "–" : BigDecimal.valueOf(share * 100).setScale(2, RoundingMode.HALF_EVEN) + " %";
    }

    static String percent(Double share) {
        return share == null ? "–" : BigDecimal.valueOf(share * 100).setScale(0, RoundingMode.HALF_EVEN) + " %";
    }

    /** A mean such as a conversion rate or a value per unit, to four decimals: "0.0213". */
    static String fraction(Double value) {
        return value == null ? "–" : BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** "0.042", or "< 0.001" where three decimals would print a misleading zero. */
    static String pValue(Double p) {
        if (p == null) {
            return "–";
        }
        return p < 0.001 ? "< 0.001" : BigDecimal.valueOf(p).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** A forecast or realised figure of a track record, in its own unit, to the precision it needs. */
    static String figure(Double value) {
        if (value == null) {
            return "–";
        }
        return Math.abs(value) >= 100 ? signed(value) : BigDecimal.valueOf(value).round(new java.math.MathContext(3))
                .stripTrailingZeros().toPlainString();
    }

    /** Chart data for a {@code data-*} attribute; Qute escapes it for the attribute, the browser unescapes it. */
    static String json(java.util.Collection<?> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String join(List<String> values) {
        return values == null ? "" : String.join(", ", values);
    }

    static String label(String enumName) {
        if (enumName == null) {
            return "–";
        }
        String words = enumName.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
