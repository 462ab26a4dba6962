package io.mops.attribution.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.attribution.lines.LineReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Imports conversions whole or not at all, streamed in one transaction ({@link ImportTransaction}). Conversions
 * already stored (by event id, from Kafka, an earlier import or an earlier line) are counted as duplicates and left
 * alone.
 */
@ApplicationScoped
public class ConversionImportService {

    private final ConversionImport reader;
    private final ImportTransaction transaction;
    private final IngestInbox inbox;
    private final Clock clock;

    public ConversionImportService(ObjectMapper json, Validator validator, ImportTransaction transaction,
                                   IngestInbox inbox, Clock clock) {
        this.clock = clock;
        this.reader = new ConversionImport(json, validator);
        this.transaction = transaction;
        this.inbox = inbox;
    }

    public ImportResult importJsonLines(Reader body) {
        return store(lines -> reader.readJsonLines(body, lines));
    }

    public ImportResult importCsv(Reader body) {
        return store(lines -> reader.readCsv(body, lines));
    }

    private ImportResult store(Consumer<LineReader.Sink<ConversionImportLine>> read) {
        Instant receivedAt = Instant.now(clock);
        return transaction.run("conversions", read, reader::problems, line -> {
                },
                (connection, batch) -> inbox.storeConversions(connection, batch.stream()
                        .map(line -> StoredConversion.of(line.eventId(), line.conversion(), receivedAt)).toList()),
                "the import holds no conversions");
    }
}
