package io.mops.common.inbox;

import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.DatabaseException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Stores a poll's events as one batch and, when the database refuses the batch because of what one of them holds,
 * finds that one by halving: each half is stored on its own, down to single events; an event refused alone is handed
 * back with the database's reason. So a value validation did not foresee costs exactly itself, as validated poison
 * does ({@code EventCodec}), and the good events of the same poll are stored.
 * <p>
 * Only refusals of the data are split: SQLSTATE class 22 (data exception) and 23 (integrity constraint violation),
 * which the database will repeat however often it is asked. Anything else (connection lost, the database down, a
 * serialisation failure) fails the poll as before, so that it is redelivered whole rather than dead-lettered event
 * by event. Costs: a poll with one refused event in n takes about 2·log2(n) extra transactions; the common poll with
 * none takes one, as before. Hand-written because no messaging or database library here offers it: Kafka's and
 * SmallRye's dead-letter strategies act on the whole batch.
 */
public final class RefusedWrites {

    private RefusedWrites() {
    }

    /**
     * @param events  the batch, in the order it arrived
     * @param store   stores a part of the batch in one transaction; for the same part it must succeed or fail alike
     *                (the stores this is used for are idempotent by event id, so a part stored twice counts once)
     * @param refused called once for each event the database refuses on its own, with the refusal; the returned
     *                {@code Uni} must complete before the batch is considered done (dead-letter acknowledged)
     * @return what {@code store} returned for each part that was stored, in order
     */
    public static <T, R> Uni<List<R>> store(List<T> events, Function<List<T>, Uni<R>> store,
                                            BiFunction<T, Throwable, Uni<Void>> refused) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.createFrom().deferred(() -> store.apply(events))
                .map(Collections::singletonList)
                .onFailure(RefusedWrites::isRefusal).recoverWithUni(failure -> {
                    if (events.size() == 1) {
                        return refused.apply(events.get(0), failure).replaceWith(List.<R>of());
                    }
                    int half = events.size() / 2;
                    return store(events.subList(0, half), store, refused)
                            .chain(first -> store(events.subList(half, events.size()), store, refused)
                                    .map(second -> concat(first, second)));
                });
    }

    /** Whether the database refused the values written, and will refuse them again. */
    public static boolean isRefusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String state = t instanceof DatabaseException database ? database.getSqlState()
                    : t instanceof SQLException sql ? sql.getSQLState() : null;
            if (state != null) {
                return state.startsWith("22") || state.startsWith("23");
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The database's own words, for the dead letter's reason. */
    public static String reason(Throwable refusal) {
        for (Throwable t = refusal; t != null; t = t.getCause()) {
            if (t instanceof DatabaseException database) {
                return "refused by the database (SQLSTATE " + database.getSqlState() + "): " + database.getMessage();
            }
            if (t instanceof SQLException sql) {
                return "refused by the database (SQLSTATE " + sql.getSQLState() + "): " + sql.getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return "refused by the database: " + refusal.getMessage();
    }

    private static <R> List<R> concat(List<R> first, List<R> second) {
        List<R> all = new ArrayList<>(first.size() + second.size());
        all.addAll(first);
        all.addAll(second);
        return all;
    }
}
