package io.mops.attribution.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.attribution.lines.LineReader;
import io.mops.common.events.ConversionObserved;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads a conversion import — JSON lines, or CSV with the header
 * {@code event_id,user_id,anonymous_id,occurred_at,value,currency} — checking every line against the
 * {@link ConversionObserved} contract. Lines are handed on as they are read ({@link StreamedImport}).
 */
final class ConversionImport {

    static final List<String> CSV_COLUMNS = List.of("event_id", "user_id", "anonymous_id", "occurred_at", "value",
            "currency");
    private static final List<String> REQUIRED_CSV_COLUMNS = List.of("event_id", "user_id", "occurred_at", "value",
            "currency");

    private final ObjectMapper json;
    private final Validator validator;

    ConversionImport(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    void readJsonLines(Reader body, LineReader.Sink<ConversionImportLine> lines) {
        LineReader.jsonLines(body, json, ConversionImportLine.class, lines);
    }

    void readCsv(Reader body, LineReader.Sink<ConversionImportLine> lines) {
        LineReader.csv(body, CSV_COLUMNS, REQUIRED_CSV_COLUMNS, ConversionImport::csvLine, lines);
    }

    /** @return the line's problems as one text, {@code null} when it has none */
    String problems(ConversionImportLine line) {
        List<String> problems = new ArrayList<>();
        if (line.eventId() == null) {
            problems.add("eventId: must not be null");
        }
        validator.validate(line.conversion()).stream()
                .sorted(Comparator.comparing((ConstraintViolation<?> v) -> v.getPropertyPath().toString()))
                .forEach(v -> problems.add(v.getPropertyPath() + ": " + v.getMessage()));
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    private static ConversionImportLine csvLine(Map<String, String> value) {
        return new ConversionImportLine(LineReader.parse(value.get("event_id"), "event_id", UUID::fromString),
                value.get("user_id"), value.get("anonymous_id"),
                LineReader.parse(value.get("occurred_at"), "occurred_at", Instant::parse),
                LineReader.parse(value.get("value"), "value", BigDecimal::new), value.get("currency"));
    }
}
