package io.mops.attribution.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.common.security.ChannelScope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Imports touchpoints whole or not at all: every line is checked, and the caller's access to every channel, before
 * anything is written; then all new touchpoints are stored in one transaction. Touchpoints already stored (by
 * event id, from Kafka or an earlier import) are counted as duplicates and left alone.
 */
@ApplicationScoped
public class TouchpointImportService {

    private final TouchpointImport reader;

    public TouchpointImportService(ObjectMapper json, Validator validator) {
        this.reader = new TouchpointImport(json, validator);
    }

    public Uni<ImportResult> importJsonLines(String body, ChannelScope scope) {
        return store(reader.readJsonLines(body), scope);
    }

    public Uni<ImportResult> importCsv(String body, ChannelScope scope) {
        return store(reader.readCsv(body), scope);
    }

    private Uni<ImportResult> store(TouchpointImport.Result read, ChannelScope scope) {
        WholeImport.require(read.rejected(), read.lines().size());
        read.lines().stream().map(TouchpointImportLine::channel).distinct().sorted().forEach(scope::requireAccess);

        Instant receivedAt = Instant.now();
        Map<UUID, StoredTouchpoint> unique = new LinkedHashMap<>();
        for (TouchpointImportLine line : read.lines()) {
            unique.putIfAbsent(line.eventId(), StoredTouchpoint.of(line.eventId(), line.touchpoint(), receivedAt));
        }
        int received = read.lines().size();
        return Panache.withTransaction(() -> StoredTouchpoint.<StoredTouchpoint>list("eventId in ?1",
                        new ArrayList<>(unique.keySet()))
                .flatMap(existing -> {
                    Set<UUID> known = new HashSet<>();
                    existing.forEach(t -> known.add(t.eventId));
                    List<StoredTouchpoint> fresh = unique.values().stream().filter(t -> !known.contains(t.eventId))
                            .toList();
                    // Panache refuses to persist an empty batch (a full re-import).
                    Uni<Void> persisted = fresh.isEmpty() ? Uni.createFrom().voidItem() : StoredTouchpoint.persist(fresh);
                    return persisted.replaceWith(new ImportResult(received, fresh.size(), received - fresh.size()));
                }));
    }
}
