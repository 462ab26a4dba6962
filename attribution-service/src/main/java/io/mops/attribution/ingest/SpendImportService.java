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
 * Imports spend whole or not at all, like {@link TouchpointImportService}: every line and the caller's access to
 * every channel are checked before anything is written. Spend already stored (same event id) is skipped.
 */
@ApplicationScoped
public class SpendImportService {

    private final SpendImport reader;

    public SpendImportService(ObjectMapper json, Validator validator) {
        this.reader = new SpendImport(json, validator);
    }

    public Uni<ImportResult> importJsonLines(String body, ChannelScope scope) {
        return store(reader.readJsonLines(body), scope);
    }

    public Uni<ImportResult> importCsv(String body, ChannelScope scope) {
        return store(reader.readCsv(body), scope);
    }

    private Uni<ImportResult> store(SpendImport.Result read, ChannelScope scope) {
        WholeImport.require(read.rejected(), read.lines().size());
        read.lines().stream().map(SpendImportLine::channel).distinct().sorted().forEach(scope::requireAccess);

        Instant receivedAt = Instant.now();
        Map<UUID, StoredSpend> unique = new LinkedHashMap<>();
        for (SpendImportLine line : read.lines()) {
            unique.putIfAbsent(line.eventId(), StoredSpend.of(line.eventId(), line.report(), receivedAt));
        }
        int received = read.lines().size();
        return Panache.withTransaction(() -> StoredSpend.<StoredSpend>list("eventId in ?1",
                        new ArrayList<>(unique.keySet()))
                .flatMap(existing -> {
                    Set<UUID> known = new HashSet<>();
                    existing.forEach(s -> known.add(s.eventId));
                    List<StoredSpend> fresh = unique.values().stream().filter(s -> !known.contains(s.eventId)).toList();
                    // Panache refuses to persist an empty batch (a full re-import).
                    Uni<Void> persisted = fresh.isEmpty() ? Uni.createFrom().voidItem() : StoredSpend.persist(fresh);
                    return persisted.replaceWith(new ImportResult(received, fresh.size(), received - fresh.size()));
                }));
    }
}
