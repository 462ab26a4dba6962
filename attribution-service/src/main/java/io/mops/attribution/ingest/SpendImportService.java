package io.mops.attribution.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.attribution.lines.LineReader;
import io.mops.common.security.ChannelScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Imports spend whole or not at all, streamed in one transaction ({@link ImportTransaction}). A line naming a channel
 * the caller may not write refuses the whole import at once. Spend already stored (by event id, from Kafka, an
 * earlier import or an earlier line) is counted as a duplicate and left alone.
 */
@ApplicationScoped
public class SpendImportService {

    private final SpendImport reader;
    private final ImportTransaction transaction;
    private final IngestInbox inbox;
    private final Clock clock;

    public SpendImportService(ObjectMapper json, Validator validator, ImportTransaction transaction,
                              IngestInbox inbox, Clock clock) {
        this.clock = clock;
        this.reader = new SpendImport(json, validator);
        this.transaction = transaction;
        this.inbox = inbox;
    }

    public ImportResult importJsonLines(Reader body, ChannelScope scope) {
        return store(lines -> reader.readJsonLines(body, lines), scope);
    }

    public ImportResult importCsv(Reader body, ChannelScope scope) {
        return store(lines -> reader.readCsv(body, lines), scope);
    }

    private ImportResult store(Consumer<LineReader.Sink<SpendImportLine>> read, ChannelScope scope) {
        Instant receivedAt = Instant.now(clock);
        return transaction.run("spend", read, reader::problems, ImportTransaction.writableChannels(scope, SpendImportLine::channel),
                (connection, batch) -> inbox.storeSpend(connection, batch.stream()
                        .map(line -> StoredSpend.of(line.eventId(), line.report(), receivedAt)).toList()),
                "the import holds no spend");
    }
}
