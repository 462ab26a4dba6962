package io.mops.common.inbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mops.common.events.PoisonEventException;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutageRetryTest {

    private static OutageRetryConfig config(Duration budget) {
        return new OutageRetryConfig() {
            public Duration budget() {
                return budget;
            }

            public Duration initialBackoff() {
                return Duration.ofMillis(5);
            }

            public Duration maxBackoff() {
                return Duration.ofMillis(20);
            }

            public Duration throttledLimit() {
                return Duration.ofSeconds(60);
            }

            public Duration margin() {
                return Duration.ofSeconds(10);
            }
        };
    }

    private static Throwable failureOf(Uni<?> uni) {
        return uni.onItemOrFailure().transform((item, failure) -> failure).await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void workIsRetriedWhileTheDatabaseIsAwayAndAppliedOnceItIsBack() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        OutageRetry retry = new OutageRetry(config(Duration.ofSeconds(5)), registry);
        AtomicInteger attempts = new AtomicInteger();
        int result = retry.untilBack(() -> attempts.incrementAndGet() <= 3
                        ? Uni.createFrom().<Integer>failure(new ConnectException("Connection refused"))
                        : Uni.createFrom().item(42))
                .await().atMost(Duration.ofSeconds(10));
        assertEquals(42, result);
        assertEquals(4, attempts.get());
        assertEquals(3.0, registry.counter(OutageRetry.METRIC).count());
    }

    @Test
    void poisonIsNotRetried() {
        OutageRetry retry = new OutageRetry(config(Duration.ofSeconds(5)), new SimpleMeterRegistry());
        AtomicInteger attempts = new AtomicInteger();
        Throwable failure = failureOf(retry.untilBack(() -> {
            attempts.incrementAndGet();
            return Uni.createFrom().failure(new PoisonEventException("amount missing"));
        }));
        assertInstanceOf(PoisonEventException.class, failure);
        assertEquals(1, attempts.get());
    }

    @Test
    void afterTheBudgetTheFailureStillSaysOutageSoItIsNeverDeadLettered() {
        // Three seconds, not one: the budget starts before the first attempt, and in a fresh JVM on a loaded
        // machine the first failure's warning (logging's start-up) once took longer than one second by itself.
        OutageRetry retry = new OutageRetry(config(Duration.ofSeconds(3)), new SimpleMeterRegistry());
        AtomicInteger attempts = new AtomicInteger();
        long started = System.nanoTime();
        Throwable failure = failureOf(retry.untilBack(() -> {
            attempts.incrementAndGet();
            return Uni.createFrom().failure(new ConnectException("Connection refused"));
        }));
        long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertTrue(DatabaseOutage.isOutage(failure), String.valueOf(failure));
        assertTrue(attempts.get() > 1, "retried: " + attempts.get());
        assertTrue(tookMillis < 8_000, "gave up near the 3 s budget, took " + tookMillis + " ms");
    }

    @Test
    void onePollsTransactionsShareOneBudget() throws InterruptedException {
        OutageRetry retry = new OutageRetry(config(Duration.ofMillis(300)), new SimpleMeterRegistry());
        OutageRetry.Budget budget = retry.budget();
        failureOf(budget.untilBack(() -> Uni.createFrom().failure(new ConnectException("Connection refused"))));
        // Mutiny gives up when the next wait (at most 20 ms here) would pass the deadline: let that much pass too.
        Thread.sleep(50);
        // The first transaction used up the budget: the second is tried once, not for another 300 ms.
        AtomicInteger attempts = new AtomicInteger();
        failureOf(budget.untilBack(() -> {
            attempts.incrementAndGet();
            return Uni.createFrom().failure(new ConnectException("Connection refused"));
        }));
        assertEquals(1, attempts.get());
    }

    @Test
    void aBudgetTooCloseToKafkasThrottledLimitIsRefusedAtStart() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new OutageRetry(config(Duration.ofSeconds(55)), new SimpleMeterRegistry()));
        assertTrue(refused.getMessage().contains("mops.consumer.database-outage.budget"), refused.getMessage());
    }
}
