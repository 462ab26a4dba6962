package io.mops.common.inbox;

import io.smallrye.mutiny.Uni;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One case per kind of failure that is the database being away, and the failures that are not. */
class DatabaseOutageTest {

    private static PgException pg(String severity, String state, String message) {
        return new PgException(message, severity, state, null);
    }

    @Test
    void aRefusedConnectionIsAnOutage() {
        assertTrue(DatabaseOutage.isOutage(new ConnectException("Connection refused: localhost/127.0.0.1:5432")));
    }

    @Test
    void aConnectionClosedUnderAStatementIsAnOutage() {
        assertTrue(DatabaseOutage.isOutage(ClosedConnectionException.INSTANCE));
    }

    @Test
    void aConnectionResetByThePeerIsAnOutage() {
        assertTrue(DatabaseOutage.isOutage(new SocketException("Connection reset")));
    }

    @Test
    void aPoolThatCannotHandOutAConnectionInTimeIsAnOutage() {
        assertTrue(DatabaseOutage.isOutage(new NoStackTraceTimeoutException("Timeout")));
    }

    @Test
    void aConnectThatTimesOutIsAnOutage() {
        // Netty's ConnectTimeoutException is a ConnectException; JDBC's is SQLSTATE 08001.
        assertTrue(DatabaseOutage.isOutage(new ConnectException("connection timed out: localhost/127.0.0.1:5432")));
        assertTrue(DatabaseOutage.isOutage(new SQLTransientConnectionException("Connection attempt timed out.",
                "08001")));
    }

    @Test
    void sqlStateClass08IsAnOutage() {
        assertTrue(DatabaseOutage.isOutage(pg("ERROR", "08006", "connection failure")));
        assertTrue(DatabaseOutage.isOutage(pg("FATAL", "08P01", "protocol violation")));
        assertTrue(DatabaseOutage.isOutage(new SQLException("The connection attempt failed.", "08001")));
    }

    @Test
    void adminShutdownIsAnOutage() {
        assertTrue(DatabaseOutage.isOutage(pg("FATAL", "57P01", "terminating connection due to administrator command")));
    }

    @Test
    void crashShutdownIsAnOutage() {
        assertTrue(DatabaseOutage.isOutage(pg("FATAL", "57P02", "terminating connection because of crash of another "
                + "server process")));
    }

    @Test
    void cannotConnectNowIsAnOutage() {
        assertTrue(DatabaseOutage.isOutage(pg("FATAL", "57P03", "the database system is starting up")));
    }

    @Test
    void aDatabaseNotAcceptingConnectionsIsAnOutage() {
        // ALTER DATABASE ... ALLOW_CONNECTIONS false: 55000 at connect, with severity FATAL (the server ends the session).
        assertTrue(DatabaseOutage.isOutage(pg("FATAL", "55000",
                "database \"mops_attribution_test\" is not currently accepting connections")));
        assertTrue(DatabaseOutage.isOutage(pg("FATAL", "53300", "sorry, too many clients already")));
    }

    @Test
    void anOutageIsFoundBehindTheWrappersOfHibernateAndMutiny() {
        Throwable wrapped = new IllegalStateException("Retries exhausted",
                new CompletionException(new RuntimeException(pg("FATAL", "57P01", "terminating connection"))));
        assertTrue(DatabaseOutage.isOutage(wrapped));
    }

    @Test
    void aRefusedValueIsNoOutage() {
        assertFalse(DatabaseOutage.isOutage(pg("ERROR", "23505", "duplicate key value violates unique constraint")));
        assertFalse(DatabaseOutage.isOutage(pg("ERROR", "22001", "value too long for type character varying(64)")));
        assertFalse(DatabaseOutage.isOutage(pg("ERROR", "22021", "invalid byte sequence for encoding \"UTF8\": 0x00")));
    }

    @Test
    void aStatementErrorOfTheSameClassAsNotAcceptingConnectionsIsNoOutage() {
        // 55000 at statement level (severity ERROR) is about the statement, not the server.
        assertFalse(DatabaseOutage.isOutage(pg("ERROR", "55000", "currval of sequence \"s\" is not yet defined")));
    }

    @Test
    void aSerialisationFailureIsNoOutage() {
        assertFalse(DatabaseOutage.isOutage(pg("ERROR", "40001", "could not serialize access")));
    }

    @Test
    void poisonAndBugsAreNoOutage() {
        assertFalse(DatabaseOutage.isOutage(new io.mops.common.events.PoisonEventException("userId missing")));
        assertFalse(DatabaseOutage.isOutage(new NullPointerException()));
        assertFalse(DatabaseOutage.isOutage(null));
    }

    @Test
    void poisonIsNoOutageWhateverItWraps() {
        // Jackson's parse errors are IOExceptions; a listener may also wrap a failure as poison on purpose.
        assertFalse(DatabaseOutage.isOutage(new io.mops.common.events.PoisonEventException("data is malformed",
                new com.fasterxml.jackson.core.JsonParseException(null, "Unexpected character"))));
        assertFalse(DatabaseOutage.isOutage(new io.mops.common.events.PoisonEventException("no QA run",
                new ConnectException("Connection refused"))));
    }

    @Test
    void aParseErrorIsNoOutage() {
        assertFalse(DatabaseOutage.isOutage(new com.fasterxml.jackson.core.JsonParseException(null, "Unexpected")));
    }

    @Test
    void mutinysGivingUpKeepsTheOutageAsItsCause() {
        Throwable failure = Uni.createFrom().failure(new ConnectException("Connection refused"))
                .onFailure().retry().withBackOff(Duration.ofMillis(1), Duration.ofMillis(2))
                .expireAt(System.currentTimeMillis() + 30)
                .onItemOrFailure().transform((item, f) -> f)
                .await().atMost(Duration.ofSeconds(5));
        assertTrue(DatabaseOutage.isOutage(failure), String.valueOf(failure));
    }
}
