package io.mops.common.inbox;

import io.mops.common.events.PoisonEventException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure that is the database being unavailable from one that is about the data: the one place the
 * platform decides whether a consumer retries a record ({@link OutageRetry}) or may dead-letter it. An outage says
 * nothing about the record, so the record must never be dead-lettered for it; it applies once the database is back.
 * <p>
 * An outage is, anywhere in the cause chain:
 * <ul>
 * <li>no connection: refused, reset or closed under a statement — a socket failure ({@link SocketException}, which
 * covers {@code ConnectException} and Netty's connect timeout; {@link SocketTimeoutException};
 * {@link ClosedChannelException}; Netty's native "connection reset by peer", an {@link IOException} of Netty's), or the
 * SQL client's {@link ClosedConnectionException}. Not every {@link IOException}: Jackson's parse errors are ones;</li>
 * <li>a pool that could not hand out a connection in time, or a connect that timed out ({@link TimeoutException},
 * Vert.x's {@code NoStackTraceTimeoutException} among them);</li>
 * <li>SQLSTATE class 08 (connection exception), 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03
 * cannot_connect_now;</li>
 * <li>any error PostgreSQL reports with severity FATAL or PANIC: the server ended the session, which no value of a
 * record can cause (a database not accepting connections, 55000 at connect; too many connections, 53300; the
 * session terminated by an administrator).</li>
 * </ul>
 * Everything else is not an outage: a refused value (classes 22, 23), a serialisation failure or deadlock (40001,
 * 40P01: the consumer's own retry is for those), a bug, and poison — a {@link PoisonEventException} anywhere in the
 * chain settles it, whatever it wraps.
 */
public final class DatabaseOutage {

    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03");

    private DatabaseOutage() {
    }

    /** Whether {@code failure} is, or was caused by, the database being unavailable. */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PoisonEventException) {
                return false;
            }
            if (t instanceof ClosedConnectionException || t instanceof TimeoutException || isSocketFailure(t)) {
                return true;
            }
            if (t instanceof PgException pg && isFatal(pg.getSeverity())) {
                return true;
            }
            String state = t instanceof DatabaseException database ? database.getSqlState()
                    : t instanceof SQLException sql ? sql.getSQLState() : null;
            if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean isSocketFailure(Throwable t) {
        return t instanceof SocketException || t instanceof SocketTimeoutException
                || t instanceof ClosedChannelException
                || t instanceof IOException && t.getClass().getName().startsWith("io.netty.");
    }

    private static boolean isFatal(String severity) {
        return "FATAL".equals(severity) || "PANIC".equals(severity);
    }
}
