package io.mops.attribution.connect;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads money as the ad platforms write it into their downloads: {@code 1,234.56}, {@code €1,234.56},
 * {@code EUR 1 234,56}, {@code 1.234,56}, {@code --} (Google Ads' "no data", read as 0). Currency symbols, codes and
 * spaces are dropped. With both a comma and a point, the later one is the decimal separator; with commas only, they
 * group thousands when every group after the first has three digits ({@code 1,234}), otherwise the comma is the
 * decimal separator ({@code 12,5}); one point alone is the decimal point ({@code 1.234} is 1.234, as the English
 * downloads mean it), several group thousands ({@code 1.234.567}).
 */
final class PlatformAmount {

    private static final Pattern NOT_NUMERIC = Pattern.compile("[^0-9.,\\-]");
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}([.,]\\d{3})+");

    private PlatformAmount() {
    }

    /** @throws IllegalArgumentException when the text is no amount */
    static BigDecimal parse(String text) {
        String trimmed = text.strip();
        if (trimmed.equals("--") || trimmed.equals("-")) {
            return BigDecimal.ZERO;
        }
        String digits = NOT_NUMERIC.matcher(trimmed).replaceAll("");
        if (digits.isEmpty() || !digits.matches("-?[0-9.,]*[0-9][0-9.,]*")) {
            throw new IllegalArgumentException("not an amount: '" + text + "'");
        }
        int comma = digits.lastIndexOf(',');
        int point = digits.lastIndexOf('.');
        String plain;
        if (comma >= 0 && point >= 0) {
            char decimal = comma > point ? ',' : '.';
            char group = decimal == ',' ? '.' : ',';
            plain = digits.replace(String.valueOf(group), "").replace(decimal, '.');
        } else if (comma >= 0 || point >= 0) {
            char separator = comma >= 0 ? ',' : '.';
            boolean grouping = GROUPED.matcher(digits).matches()
                    && (digits.indexOf(separator) != digits.lastIndexOf(separator) || separator == ',');
            plain = grouping ? digits.replace(String.valueOf(separator), "") : digits.replace(separator, '.');
        } else {
            plain = digits;
        }
        if (plain.indexOf('.') != plain.lastIndexOf('.')) {
            throw new IllegalArgumentException("not an amount: '" + text + "'");
        }
        return new BigDecimal(plain);
    }
}
