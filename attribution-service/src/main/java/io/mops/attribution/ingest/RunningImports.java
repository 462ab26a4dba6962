package io.mops.attribution.ingest;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The imports this instance is running, so that a client waiting for its answer can see how far its import has come
 * ({@code GET /attribution/imports}). An import is one transaction: what it has written is visible to nobody until
 * it commits, and it leaves this list when its answer is sent. Kept in memory: a restart ends every import anyway.
 */
@ApplicationScoped
public class RunningImports {

    /** Lines between two log lines of one import. */
    static final long LOG_EVERY = 100_000;

    /** One running import; its counters are written by the importing thread and read by any other. */
    public static final class Running implements StreamedImport.Progress {

        final UUID id = UUID.randomUUID();
        final String kind;
        final String startedBy;
        final Instant startedAt;
        private volatile long read;
        private volatile long written;
        private volatile long rejected;
        private long logged;

        Running(String kind, String startedBy, Instant startedAt) {
            this.kind = kind;
            this.startedBy = startedBy;
            this.startedAt = startedAt;
        }

        @Override
        public void update(long read, long written, long rejected) {
            this.read = read;
            this.written = written;
            this.rejected = rejected;
            if (read - logged >= LOG_EVERY) {
                logged = read;
                Log.infof("%s import %s by %s: %d lines read, %d written, %d rejected", kind, id, startedBy, read,
                        written, rejected);
            }
        }

        ImportProgress view(Instant now) {
            return new ImportProgress(id, kind, startedBy, startedAt, Duration.between(startedAt, now).toSeconds(),
                    read, written, rejected);
        }
    }

    private final Clock clock;
    private final ConcurrentHashMap<UUID, Running> running = new ConcurrentHashMap<>();

    public RunningImports(Clock clock) {
        this.clock = clock;
    }

    Running start(String kind, String startedBy) {
        Running started = new Running(kind, startedBy, Instant.now(clock));
        running.put(started.id, started);
        return started;
    }

    void finish(Running done) {
        running.remove(done.id);
    }

    /** Oldest first; only {@code startedBy}'s when given. */
    List<ImportProgress> list(Optional<String> startedBy) {
        Instant now = Instant.now(clock);
        return running.values().stream()
                .filter(r -> startedBy.map(r.startedBy::equals).orElse(true))
                .sorted(Comparator.comparing((Running r) -> r.startedAt).thenComparing(r -> r.id))
                .map(r -> r.view(now))
                .toList();
    }
}
