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
 * Imports touchpoints whole or not at all, streamed in one transaction ({@link ImportTransaction}). A line naming a
 * channel the caller may not write refuses the whole import at once. Touchpoints already stored (by event id, from
 * Kafka, an earlier import or an earlier line) are counted as duplicates and left alone.
 */
@ApplicationScoped
public class TouchpointImportService {

    private final TouchpointImport reader;
    private final ImportTransaction transaction;
    private final IngestInbox inbox;
    private final Clock clock;

    public TouchpointImportService(ObjectMapper json, Validator validator, ImportTransaction transaction,
                                   IngestInbox inbox, Clock clock) {
        this.clock = clock;
        this.reader = new TouchpointImport(json, validator);
        this.transaction = transaction;
        this.inbox = inbox;
    }

    public ImportResult importJsonLines(Reader body, ChannelScope scope) {
        return store(lines -> reader.readJsonLines(body, lines), scope);
    }

    public ImportResult importCsv(Reader body, ChannelScope scope) {
        return store(lines -> reader.readCsv(body, lines), scope);
    }

    private ImportResult store(Consumer<LineReader.Sink<TouchpointImportLine>> read, ChannelScope scope) {
        Instant receivedAt = Instant.now(clock);
        return transaction.run("touchpoints", read, reader::problems, ImportTransaction.writableChannels(scope, TouchpointImportLine::channel),
                (connection, batch) -> inbox.storeTouchpoints(connection, batch.stream()
                        .map(line -> StoredTouchpoint.of(line.eventId(), line.touchpoint(), receivedAt)).toList()),
                "the import holds no touchpoints");
    }
}
