package io.mops.attribution.credit;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.mops.attribution.lines.LineReader;
import io.mops.attribution.lines.RejectedLine;
import io.mops.attribution.model.AggregatedPath;
import io.mops.attribution.model.Path;
import io.mops.attribution.model.PathSet;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ChannelAttribution path export as CSV: a header naming the columns {@code path} and
 * {@code total_conversions} and optionally {@code total_conversion_value} and {@code total_null} (in any order),
 * then one line per path with channels joined by {@code " > "}. A file is used whole or not at all: every bad line
 * is reported.
 */
public final class PathFile {

    static final String PATH = "path";
    static final String CONVERSIONS = "total_conversions";
    static final String VALUE = "total_conversion_value";
    static final String NULLS = "total_null";
    static final List<String> COLUMNS = List.of(PATH, CONVERSIONS, VALUE, NULLS);
    /**
     * Bounds on a conversion value's digits. Credit is rounded to the value's decimals and summed exactly, so a value
     * such as {@code 1e-999999999} would make every sum a number of a billion digits; 34 decimals are the precision of
     * IEEE 754 decimal128, far beyond any currency.
     */
    static final int VALUE_INTEGER_DIGITS = 18;
    static final int VALUE_DECIMALS = 34;
    static final String VALUE_DIGITS_MESSAGE = "must have at most 18 digits before the decimal point and 34 after it";

    private static final CsvMapper CSV = new CsvMapper();

    private PathFile() {
    }

    /** @throws PathFileRejectedException listing every line that cannot be read */
    public static PathSet read(String text, String currency) {
        LineReader.Read<AggregatedPath> read = LineReader.csv(text, COLUMNS, List.of(PATH, CONVERSIONS), PathFile::line);
        List<RejectedLine> rejected = new ArrayList<>(read.rejected());
        if (read.lines().isEmpty() && rejected.isEmpty()) {
            rejected.add(new RejectedLine(1, "the file holds no paths; expected a header such as "
                    + String.join(",", COLUMNS) + " and one line per path"));
        }
        if (!rejected.isEmpty()) {
            throw new PathFileRejectedException(rejected);
        }
        return new PathSet(currency, read.lines().stream().map(LineReader.Numbered::value).toList());
    }

    private static AggregatedPath line(Map<String, String> fields) {
        Path path;
        try {
            path = Path.parse(fields.getOrDefault(PATH, ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PATH + ": " + e.getMessage());
        }
        long conversions = count(fields.get(CONVERSIONS), CONVERSIONS);
        BigDecimal value = fields.containsKey(VALUE) ? amount(fields.get(VALUE)) : BigDecimal.ZERO;
        long nulls = fields.containsKey(NULLS) ? count(fields.get(NULLS), NULLS) : 0;
        return new AggregatedPath(path, conversions, value, nulls);
    }

    private static long count(String text, String column) {
        BigDecimal number = number(text, column);
        if (number.signum() < 0) {
            throw new IllegalArgumentException(column + " must not be negative");
        }
        try {
            return number.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(column + " '" + text + "' is not a whole number");
        }
    }

    private static BigDecimal amount(String text) {
        BigDecimal number = number(text, VALUE);
        if (number.signum() < 0) {
            throw new IllegalArgumentException(VALUE + " must not be negative");
        }
        BigDecimal significant = number.stripTrailingZeros();
        int decimals = Math.max(0, significant.scale());
        if (decimals > VALUE_DECIMALS || significant.precision() - significant.scale() > VALUE_INTEGER_DIGITS) {
            throw new IllegalArgumentException(VALUE + " " + VALUE_DIGITS_MESSAGE);
        }
        return number;
    }

    private static BigDecimal number(String text, String column) {
        if (text == null) {
            throw new IllegalArgumentException(column + " is empty");
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + text + "' is not a number");
        }
    }

    /** Writes rows (the first being the header) as CSV, quoting where a field needs it. */
    static String write(List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (var generator = CSV.getFactory().createGenerator(out)) {
            generator.setSchema(CsvSchema.emptySchema());
            for (List<String> row : rows) {
                generator.writeStartArray();
                for (String field : row) {
                    generator.writeString(field);
                }
                generator.writeEndArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
