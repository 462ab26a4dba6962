package io.mops.attribution.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.attribution.lines.LineReader;
import io.mops.common.events.TouchpointObserved;
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
 * Reads a touchpoint import — JSON lines, or CSV with the header
 * {@code event_id,user_id,anonymous_id,occurred_at,channel,campaign,interaction,cost,currency} and optionally
 * {@code click_id} — checking every line
 * against the {@link TouchpointObserved} contract. Lines are handed on as they are read, so that an import of any
 * size is read in bounded memory ({@link StreamedImport}).
 */
final class TouchpointImport {

    static final List<String> CSV_COLUMNS = List.of("event_id", "user_id", "anonymous_id", "occurred_at", "channel",
            "campaign", "interaction", "cost", "currency", "click_id");
    private static final List<String> REQUIRED_CSV_COLUMNS = List.of("event_id", "occurred_at", "channel", "interaction");

    private final ObjectMapper json;
    private final Validator validator;

    TouchpointImport(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    void readJsonLines(Reader body, LineReader.Sink<TouchpointImportLine> lines) {
        LineReader.jsonLines(body, json, TouchpointImportLine.class, lines);
    }

    void readCsv(Reader body, LineReader.Sink<TouchpointImportLine> lines) {
        LineReader.csv(body, CSV_COLUMNS, REQUIRED_CSV_COLUMNS, TouchpointImport::csvLine, lines);
    }

    /** @return the line's problems as one text, {@code null} when it has none */
    String problems(TouchpointImportLine line) {
        List<String> problems = new ArrayList<>();
        if (line.eventId() == null) {
            problems.add("eventId: must not be null");
        }
        validator.validate(line.touchpoint()).stream()
                .sorted(Comparator.comparing((ConstraintViolation<?> v) -> v.getPropertyPath().toString()))
                .forEach(v -> problems.add(v.getPropertyPath() + ": " + v.getMessage()));
        if (problems.isEmpty()) {
            try {
                StoredTouchpoint.of(line.eventId(), line.touchpoint(), Instant.EPOCH);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    private static TouchpointImportLine csvLine(Map<String, String> value) {
        return new TouchpointImportLine(LineReader.parse(value.get("event_id"), "event_id", UUID::fromString),
                value.get("user_id"), value.get("anonymous_id"),
                LineReader.parse(value.get("occurred_at"), "occurred_at", Instant::parse), value.get("channel"),
                value.get("campaign"), value.get("interaction"),
                LineReader.parse(value.get("cost"), "cost", BigDecimal::new), value.get("currency"),
                value.get("click_id"));
    }
}
