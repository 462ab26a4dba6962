package io.mops.attribution.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.attribution.lines.LineReader;
import io.mops.common.events.CampaignSpendReported;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads a spend import — JSON lines, or CSV with the header {@code event_id,campaign_id,day,channel,amount,currency}
 * — checking every line against the {@link CampaignSpendReported} contract. Unlike on Kafka, the channel is
 * required: imported spend exists to be credited to a channel.
 */
final class SpendImport {

    static final List<String> CSV_COLUMNS = List.of("event_id", "campaign_id", "day", "channel", "amount", "currency");

    private final ObjectMapper json;
    private final Validator validator;

    SpendImport(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    void readJsonLines(Reader body, LineReader.Sink<SpendImportLine> lines) {
        LineReader.jsonLines(body, json, SpendImportLine.class, lines);
    }

    void readCsv(Reader body, LineReader.Sink<SpendImportLine> lines) {
        LineReader.csv(body, CSV_COLUMNS, CSV_COLUMNS, SpendImport::csvLine, lines);
    }

    /** @return the line's problems as one text, {@code null} when it has none */
    String problems(SpendImportLine line) {
        List<String> problems = new ArrayList<>();
        if (line.eventId() == null) {
            problems.add("eventId: must not be null");
        }
        validator.validate(line.report()).stream()
                .sorted(Comparator.comparing((ConstraintViolation<?> v) -> v.getPropertyPath().toString()))
                .forEach(v -> problems.add(v.getPropertyPath() + ": " + v.getMessage()));
        if (line.channel() == null) {
            problems.add("channel: must not be null");
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    private static SpendImportLine csvLine(Map<String, String> value) {
        return new SpendImportLine(LineReader.parse(value.get("event_id"), "event_id", UUID::fromString),
                LineReader.parse(value.get("campaign_id"), "campaign_id", UUID::fromString),
                LineReader.parse(value.get("day"), "day", LocalDate::parse), value.get("channel"),
                LineReader.parse(value.get("amount"), "amount", BigDecimal::new), value.get("currency"));
    }
}
