package io.mops.common.inbox;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefusedWritesTest {

    /** A table that refuses, all or nothing per transaction, any part holding a refused value, as PostgreSQL does. */
    static final class RefusingTable {
        final Set<Integer> refusedValues;
        final Set<Integer> rows = new HashSet<>();
        final AtomicInteger transactions = new AtomicInteger();

        RefusingTable(Set<Integer> refusedValues) {
            this.refusedValues = refusedValues;
        }

        Uni<Integer> store(List<Integer> part) {
            transactions.incrementAndGet();
            for (Integer value : part) {
                if (refusedValues.contains(value)) {
                    return Uni.createFrom().failure(new PgException("new row violates check constraint", "ERROR",
                            "23514", "value " + value));
                }
            }
            rows.addAll(part);
            return Uni.createFrom().item(part.size());
        }
    }

    @Test
    void everyRefusedValueCostsOnlyItselfOnSeededPolls() {
        Random random = new Random(7);
        for (int poll = 0; poll < 200; poll++) {
            int size = 1 + random.nextInt(500);
            List<Integer> events = IntStream.range(0, size).boxed().toList();
            Set<Integer> poison = new HashSet<>();
            int poisonCount = random.nextInt(4);
            while (poison.size() < Math.min(poisonCount, size)) {
                poison.add(random.nextInt(size));
            }
            RefusingTable table = new RefusingTable(poison);
            List<Integer> deadLettered = new ArrayList<>();

            List<Integer> stored = RefusedWrites.store(events, table::store, (event, refusal) -> {
                assertTrue(RefusedWrites.reason(refusal).contains("23514"), RefusedWrites.reason(refusal));
                deadLettered.add(event);
                return Uni.createFrom().voidItem();
            }).await().atMost(Duration.ofSeconds(5));

            Set<Integer> expectedRows = new HashSet<>(events);
            expectedRows.removeAll(poison);
            assertEquals(expectedRows, table.rows, "every valid event stored");
            assertEquals(poison, new HashSet<>(deadLettered), "each refused event dead-lettered");
            assertEquals(poison.size(), deadLettered.size(), "none dead-lettered twice");
            assertEquals(expectedRows.size(), stored.stream().mapToInt(Integer::intValue).sum());
            // Halving: each refused event costs at most two transactions per level of the halving tree.
            int levels = 32 - Integer.numberOfLeadingZeros(size);
            assertTrue(table.transactions.get() <= 1 + poison.size() * 2 * levels,
                    table.transactions.get() + " transactions for " + poison.size() + " in " + size);
            if (poison.isEmpty()) {
                assertEquals(1, table.transactions.get(), "a clean poll is one transaction");
            }
        }
    }

    @Test
    void aStoreAnsweringNothingIsFine() {
        List<Void> stored = RefusedWrites.<Integer, Void>store(List.of(1, 2), part -> Uni.createFrom().voidItem(),
                (event, refusal) -> Uni.createFrom().voidItem()).await().atMost(Duration.ofSeconds(5));
        assertEquals(1, stored.size());
    }

    @Test
    void aFailureThatIsNotARefusalFailsThePollWhole() {
        AtomicInteger deadLettered = new AtomicInteger();
        Uni<List<Integer>> poll = RefusedWrites.store(List.of(1, 2, 3),
                part -> Uni.createFrom().failure(new IllegalStateException("pool closed", new ConnectException())),
                (event, refusal) -> {
                    deadLettered.incrementAndGet();
                    return Uni.createFrom().voidItem();
                });
        assertThrows(IllegalStateException.class, () -> poll.await().atMost(Duration.ofSeconds(5)));
        assertEquals(0, deadLettered.get());
    }

    @Test
    void onlyDataAndIntegrityStatesAreRefusals() {
        assertTrue(RefusedWrites.isRefusal(wrapped("22003")), "numeric value out of range");
        assertTrue(RefusedWrites.isRefusal(wrapped("23505")), "unique violation");
        assertFalse(RefusedWrites.isRefusal(wrapped("40001")), "serialization failure is retried, not refused");
        assertFalse(RefusedWrites.isRefusal(wrapped("57P01")), "admin shutdown");
        assertFalse(RefusedWrites.isRefusal(new java.sql.SQLException("down", "08006")));
        assertTrue(RefusedWrites.isRefusal(new RuntimeException(new java.sql.SQLException("bad", "22P02"))));
    }

    private static Throwable wrapped(String state) {
        return new RuntimeException("hibernate", new PgException("m", "ERROR", state, "d"));
    }
}
