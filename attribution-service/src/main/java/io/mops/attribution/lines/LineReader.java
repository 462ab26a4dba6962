package io.mops.attribution.lines;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
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


    public record Numbered<T>(long line, T value) {
    }

    public record Read<T>(List<Numbered<T>> lines, List<RejectedLine> rejected) {
    }

    private LineReader() {
    }

    /** Receives the lines of an import one at a time, as they are read. */
    public interface Sink<T> {

        void line(Numbered<T> line);

        void rejected(RejectedLine rejected);
    }

    public static <T> Read<T> jsonLines(String body, ObjectMapper json, Class<T> type) {
        Collected<T> collected = new Collected<>();
        jsonLines(new StringReader(body), json, type, collected);
        return collected.read();
    }

    /** Reads JSON lines as they arrive, one line in memory at a time. */
    public static <T> void jsonLines(Reader body, ObjectMapper json, Class<T> type, Sink<T> sink) {
        BufferedReader lines = body instanceof BufferedReader buffered ? buffered : new BufferedReader(body);
        try {
            long number = 0;
            for (String text = lines.readLine(); text != null; text = lines.readLine()) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                try {
                    sink.line(new Numbered<>(number, json.readValue(text, type)));
                } catch (InvalidFormatException e) {
                    String field = e.getPath().isEmpty() ? "line" : e.getPath().getLast().getFieldName();
                    sink.rejected(new RejectedLine(number, field + ": cannot read '" + e.getValue() + "'"));
                } catch (JsonProcessingException e) {
                    sink.rejected(new RejectedLine(number, "not a JSON object: " + e.getOriginalMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param row turns a line's non-empty fields, by column name, into a value; an {@link IllegalArgumentException}
     *            rejects the line with its message
     */
    public static <T> Read<T> csv(String body, List<String> columns, List<String> required,
                           Function<Map<String, String>, T> row) {
        Collected<T> collected = new Collected<>();
        csv(new StringReader(body), columns, required, row, collected);
        return collected.read();
    }

    /**
     * Reads CSV as it arrives, one row in memory at a time.
     *
     * @param row turns a line's non-empty fields, by column name, into a value; an {@link IllegalArgumentException}
     *            rejects the line with its message
     */
    public static <T> void csv(Reader body, List<String> columns, List<String> required,
                               Function<Map<String, String>, T> row, Sink<T> sink) {
        Map<String, Integer> header = null;
        try (CsvRows rows = CsvRows.of(body)) {
            for (CsvRows.Row next = rows.next(); next != null; next = rows.next()) {
                long line = next.line();
                List<String> fields = next.fields();
                if (header == null) {
                    header = header(fields, line, columns, required, sink);
                    if (header == null) {
                        break;
                    }
                    continue;
                }
                if (fields.size() != header.size()) {
                    sink.rejected(new RejectedLine(line, "expected " + header.size() + " fields, found "
                            + fields.size()));
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                for (Map.Entry<String, Integer> column : header.entrySet()) {
                    String text = fields.get(column.getValue()).strip();
                    if (!text.isEmpty()) {
                        values.put(column.getKey(), text);
                    }
                }
                T value;
                try {
                    value = row.apply(values);
                } catch (IllegalArgumentException e) {
                    sink.rejected(new RejectedLine(line, e.getMessage()));
                    continue;
                }
                sink.line(new Numbered<>(line, value));
            }
        } catch (JsonProcessingException e) {
            sink.rejected(CsvRows.unreadable(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
                                               List<String> required, Sink<?> sink) {
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
            sink.rejected(new RejectedLine(line, String.join("; ", problems) + " (expected the columns "
                    + String.join(",", columns) + ")"));
            return null;
        }
        return header;
    }

    /** Keeps every line, for imports small enough to hold whole. */
    private static final class Collected<T> implements Sink<T> {

        private final List<Numbered<T>> lines = new ArrayList<>();
        private final List<RejectedLine> rejected = new ArrayList<>();

        @Override
        public void line(Numbered<T> line) {
            lines.add(line);
        }

        @Override
        public void rejected(RejectedLine line) {
            rejected.add(line);
        }

        Read<T> read() {
            return new Read<>(lines, rejected);
        }
    }
}
