package io.mops.attribution.ingest;

import io.mops.attribution.lines.LineReader;
import io.mops.attribution.lines.RejectedLine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * An import read line by line and written in batches as it is read, so that memory holds one batch whatever the
 * size of the file. The caller runs it inside one transaction and commits only when {@link Outcome#accepted()}:
 * writing stops at the first rejected line, the rest is still read so that every rejected line is counted, and
 * the first {@link #LISTED_REJECTIONS} of them are kept with their number and reason.
 *
 * @param <L> a valid line
 */
final class StreamedImport<L> implements LineReader.Sink<L> {

    /** Lines per write: large enough that a statement's round trip is small beside its rows. */
    static final int BATCH = 5_000;
    /** Rejected lines listed in the answer; beyond these only their count is given. */
    static final int LISTED_REJECTIONS = 1_000;

    /** Lines between two progress reports while reading. */
    static final int PROGRESS_EVERY = 1_000;

    /** Told how far an import has come: lines read, written in the open transaction, rejected. */
    @FunctionalInterface
    interface Progress {
        Progress NONE = (read, written, rejected) -> {
        };

        void update(long read, long written, long rejected);
    }

    /** What an import read, wrote and rejected. */
    record Outcome(long received, long stored, List<RejectedLine> listedRejections, long rejections) {

        boolean accepted() {
            return rejections == 0;
        }
    }

    private final int batchSize;
    private final Function<L, String> check;
    private final Consumer<L> admit;
    private final ToIntFunction<List<L>> store;
    private final String nothing;
    private final Progress progress;
    private final List<L> batch = new ArrayList<>();
    private final List<RejectedLine> listed = new ArrayList<>();
    private long received;
    private long stored;
    private long rejections;

    /**
     * @param check   the problems of a line as one text, {@code null} when it has none
     * @param admit   throws when the caller may not write the line (the whole import is refused at once)
     * @param store   writes a batch, answering how many of its lines were new
     * @param nothing the reason given when the import holds no lines at all
     */
    StreamedImport(int batchSize, Function<L, String> check, Consumer<L> admit, ToIntFunction<List<L>> store,
                   String nothing) {
        this(batchSize, check, admit, store, nothing, Progress.NONE);
    }

    StreamedImport(int batchSize, Function<L, String> check, Consumer<L> admit, ToIntFunction<List<L>> store,
                   String nothing, Progress progress) {
        this.progress = progress;
        this.batchSize = batchSize;
        this.check = check;
        this.admit = admit;
        this.store = store;
        this.nothing = nothing;
    }

    @Override
    public void line(LineReader.Numbered<L> line) {
        String problems = check.apply(line.value());
        if (problems != null) {
            rejected(new RejectedLine(line.line(), problems));
            return;
        }
        admit.accept(line.value());
        received++;
        if (received % PROGRESS_EVERY == 0) {
            progress.update(received, stored, rejections);
        }
        if (rejections == 0) {
            batch.add(line.value());
            if (batch.size() >= batchSize) {
                flush();
            }
        }
    }

    @Override
    public void rejected(RejectedLine rejected) {
        rejections++;
        batch.clear();
        if (listed.size() < LISTED_REJECTIONS) {
            listed.add(rejected);
        }
    }

    /** Writes the last batch, unless a line was rejected; call once everything is read. */
    Outcome finish() {
        if (received == 0 && rejections == 0) {
            rejected(new RejectedLine(1, nothing));
        }
        if (rejections == 0) {
            flush();
        }
        return new Outcome(received, stored, List.copyOf(listed), rejections);
    }

    private void flush() {
        if (!batch.isEmpty()) {
            stored += store.applyAsInt(List.copyOf(batch));
            batch.clear();
            progress.update(received, stored, rejections);
        }
    }
}
