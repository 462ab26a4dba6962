package io.mops.attribution.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
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

/** Imports conversions whole or not at all, like {@link TouchpointImportService}; duplicates by event id are skipped. */
@ApplicationScoped
public class ConversionImportService {

    private final ConversionImport reader;

    public ConversionImportService(ObjectMapper json, Validator validator) {
        this.reader = new ConversionImport(json, validator);
    }

    public Uni<ImportResult> importJsonLines(String body) {
        return store(reader.readJsonLines(body));
    }

    public Uni<ImportResult> importCsv(String body) {
        return store(reader.readCsv(body));
    }

    private Uni<ImportResult> store(ConversionImport.Result read) {
        WholeImport.require(read.rejected(), read.lines().size());
        Instant receivedAt = Instant.now();
        Map<UUID, StoredConversion> unique = new LinkedHashMap<>();
        for (ConversionImportLine line : read.lines()) {
            unique.putIfAbsent(line.eventId(), StoredConversion.of(line.eventId(), line.conversion(), receivedAt));
        }
        int received = read.lines().size();
        return Panache.withTransaction(() -> StoredConversion.<StoredConversion>list("eventId in ?1",
                        new ArrayList<>(unique.keySet()))
                .flatMap(existing -> {
                    Set<UUID> known = new HashSet<>();
                    existing.forEach(c -> known.add(c.eventId));
                    List<StoredConversion> fresh = unique.values().stream().filter(c -> !known.contains(c.eventId))
                            .toList();
                    // Panache refuses to persist an empty batch (a full re-import).
                    Uni<Void> persisted = fresh.isEmpty() ? Uni.createFrom().voidItem() : StoredConversion.persist(fresh);
                    return persisted.replaceWith(new ImportResult(received, fresh.size(), received - fresh.size()));
                }));
    }
}
