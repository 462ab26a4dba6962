package io.mops.attribution.lines;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the lines of an import, JSON lines or CSV with a header, keeping each line's number (1-based; a CSV header
 * is line 1) so that every rejected line can be reported. Blank lines are skipped.
 */
public final class LineReader {

    private static final CsvMapper CSV = new CsvMapper();

    public record Numbered<T>(long line, T value) {
    }

    public record Read<T>(List<Numbered<T>> lines, List<RejectedLine> rejected) {
    }

    private LineReader() {
    }

    public static <T> Read<T> jsonLines(String body, ObjectMapper json, Class<T> type) {
        List<Numbered<T>> lines = new ArrayList<>();
        List<RejectedLine> rejected = new ArrayList<>();
        String[] texts = body.split("\r?\n", -1);
        for (int i = 0; i < texts.length; i++) {
            if (texts[i].isBlank()) {
                continue;
            }
            try {
                lines.add(new Numbered<>(i + 1, json.readValue(texts[i], type)));
            } catch (InvalidFormatException e) {
                String field = e.getPath().isEmpty() ? "line" : e.getPath().getLast().getFieldName();
                rejected.add(new RejectedLine(i + 1, field + ": cannot read '" + e.getValue() + "'"));
            } catch (JsonProcessingException e) {
                rejected.add(new RejectedLine(i + 1, "not a JSON object: " + e.getOriginalMessage()));
            }
        }
        return new Read<>(lines, rejected);
    }

    /**
     * @param row turns a line's non-empty fields, by column name, into a value; an {@link IllegalArgumentException}
     *            rejects the line with its message
     */
    public static <T> Read<T> csv(String body, List<String> columns, List<String> required,
                           Function<Map<String, String>, T> row) {
        List<Numbered<T>> lines = new ArrayList<>();
        List<RejectedLine> rejected = new ArrayList<>();
        Map<String, Integer> header = null;
        try (CsvParser parser = (CsvParser) CSV.getFactory().createParser(body)) {
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                // A row's own location is where its first field starts; the array token sits at the line before.
                long line = -1;
                List<String> fields = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (line < 0) {
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    fields.add(parser.getText());
                }
                if (fields.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (header == null) {
                    header = header(fields, line, columns, required, rejected);
                    if (header == null) {
                        break;
                    }
                    continue;
                }
                if (fields.size() != header.size()) {
                    rejected.add(new RejectedLine(line, "expected " + header.size() + " fields, found " + fields.size()));
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                for (Map.Entry<String, Integer> column : header.entrySet()) {
                    String text = fields.get(column.getValue()).strip();
                    if (!text.isEmpty()) {
                        values.put(column.getKey(), text);
                    }
                }
                try {
                    lines.add(new Numbered<>(line, row.apply(values)));
                } catch (IllegalArgumentException e) {
                    rejected.add(new RejectedLine(line, e.getMessage()));
                }
            }
        } catch (JsonProcessingException e) {
            rejected.add(new RejectedLine(e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not readable as CSV (" + e.getOriginalMessage() + "); the rest of the file was not read"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Read<>(lines, rejected);
    }

    /** Parses a CSV field; a field that cannot be read rejects its line naming the column. */
    public static <T> T parse(String text, String column, Function<String, T> parser) {
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException(column + ": cannot read '" + text + "'");
        }
    }

    private static Map<String, Integer> header(List<String> fields, long line, List<String> columns,
                                               List<String> required, List<RejectedLine> rejected) {
        Map<String, Integer> header = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).strip();
            if (!columns.contains(name)) {
                problems.add("unknown column '" + name + "'");
            } else if (header.put(name, i) != null) {
                problems.add("column '" + name + "' appears twice");
            }
        }
        required.stream().filter(c -> !header.containsKey(c))
                .forEach(c -> problems.add("the header lacks the column '" + c + "'"));
        if (!problems.isEmpty()) {
            rejected.add(new RejectedLine(line, String.join("; ", problems) + " (expected the columns "
                    + String.join(",", columns) + ")"));
            return null;
        }
        return header;
    }
}
