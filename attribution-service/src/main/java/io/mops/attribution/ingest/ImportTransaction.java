package io.mops.attribution.ingest;

import io.mops.attribution.lines.LineReader;
import io.mops.common.problem.Problem;
import io.mops.common.security.ChannelScope;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a streamed import ({@link StreamedImport}) in one database transaction: committed when no line was rejected,
 * rolled back otherwise, and rolled back when the import is refused part-way (a line the caller may not write, a
 * body that cannot be read). What the touchpoint, conversion and spend imports share.
 * <p>
 * Blocking: the caller reads the request body on a worker thread, and each batch is awaited there, so that the body
 * is read no faster than the database takes it.
 */
@ApplicationScoped
public class ImportTransaction {

    private final Pool pool;
    private final RunningImports running;
    private final SecurityIdentity identity;

    public ImportTransaction(Pool pool, RunningImports running, SecurityIdentity identity) {
        this.pool = pool;
        this.running = running;
        this.identity = identity;
    }

    /**
     * The {@code admit} step of {@link #run} for lines that name a channel: the first line of a channel the caller may
     * not write refuses the whole import; the scope is asked once per channel, not once per line.
     */
    public static <L> Consumer<L> writableChannels(ChannelScope scope, Function<L, String> channel) {
        Set<String> admitted = new HashSet<>();
        return line -> {
            String name = channel.apply(line);
            if (admitted.add(name)) {
                scope.requireAccess(name);
            }
        };
    }

    /**
     * @param kind    what is imported (touchpoints, conversions, spend, ga4), as {@code GET /attribution/imports} shows it
     * @param read    reads the body, handing each line on
     * @param check   a line's problems as one text, {@code null} when it has none
     * @param admit   throws when the caller may not write the line
     * @param store   writes a batch on the transaction's connection, answering how many lines were new
     * @param nothing the reason given when the import holds no lines
     * @throws io.mops.common.problem.InvalidRequestException listing the rejected lines; nothing was stored
     */
    public <L> ImportResult run(String kind, Consumer<LineReader.Sink<L>> read, Function<L, String> check, Consumer<L> admit,
                                BiFunction<SqlConnection, List<L>, Uni<Integer>> store, String nothing) {
        return run(kind, read, check, admit, store, nothing, List::of);
    }

    /**
     * As {@link #run(String, Consumer, Function, Consumer, BiFunction, String)}, and when lines are rejected the
     * answer leads with {@code summary}'s violations (a connector's unmapped values, counted per value), asked for
     * once everything is read.
     */
    public <L> ImportResult run(String kind, Consumer<LineReader.Sink<L>> read, Function<L, String> check, Consumer<L> admit,
                                BiFunction<SqlConnection, List<L>, Uni<Integer>> store, String nothing,
                                Supplier<List<Problem.Violation>> summary) {
        RunningImports.Running progress = running.start(kind, identity.getPrincipal().getName());
        SqlConnection connection = pool.getConnection().await().indefinitely();
        try {
            Transaction transaction = connection.begin().await().indefinitely();
            StreamedImport.Outcome outcome;
            try {
                StreamedImport<L> lines = new StreamedImport<>(StreamedImport.BATCH, check, admit,
                        batch -> store.apply(connection, batch).await().indefinitely(), nothing, progress);
                read.accept(lines);
                outcome = lines.finish();
            } catch (RuntimeException e) {
                transaction.rollback().await().indefinitely();
                throw e;
            }
            if (!outcome.accepted()) {
                transaction.rollback().await().indefinitely();
                throw WholeImport.rejected(outcome, summary.get());
            }
            transaction.commit().await().indefinitely();
            return new ImportResult(outcome.received(), outcome.stored(), outcome.received() - outcome.stored());
        } finally {
            running.finish(progress);
            connection.close().await().indefinitely();
        }
    }
}
