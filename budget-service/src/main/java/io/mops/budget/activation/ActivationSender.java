package io.mops.budget.activation;

import io.quarkus.arc.All;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Works through the PENDING requests of the live platforms, oldest first, one at a time per platform within its rate
 * limit. A request is claimed (SENDING) in a transaction of its own, sent, and its answer recorded with it in another:
 * every exchange is an {@link ActivationAttempt}. The connector's {@link Verdict} decides: done (SENT), a refused token
 * (a new one, and at once again), retry (PENDING again after Retry-After or the backoff; FAILED after the last
 * attempt) or refused (FAILED).
 * <p>
 * A small loop rather than SmallRye Fault Tolerance's {@code @Retry}: the wait must follow each answer's
 * Retry-After, every attempt is written to the audit, and a request waiting for its retry must survive a restart —
 * so the retry is a row due later, not a call held open in memory.
 * <p>
 * A request is not sent while an older request of the same campaign on the same platform is still to be sent, so a
 * resume never overtakes the pause it undoes. A request found SENDING long after it was claimed (the service died
 * mid-exchange) is sent again: the platform may have applied it, but every request sets a value (a budget, a status)
 * rather than adding to one, so applying it twice leaves the same state.
 */
@ApplicationScoped
public class ActivationSender {

    private static final int BATCH = 50;
    private static final Duration STALE_CLAIM = Duration.ofMinutes(5);

    private final List<AdPlatformConnector> connectors;
    private final ActivationConfig config;
    private final Backoff backoff;
    private final Clock clock;

    public ActivationSender(@All List<AdPlatformConnector> connectors, ActivationConfig config, Clock clock) {
        this.connectors = connectors;
        this.config = config;
        this.backoff = new Backoff(config.backoff(), config.maxBackoff());
        this.clock = clock;
    }

    @Scheduled(every = "${mops.budget.activation.send-interval:5s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return sendDue();
    }

    /** Sends every request due now, platform after platform; how many exchanges it made. */
    public Uni<Void> sendDue() {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (AdPlatformConnector connector : connectors) {
            if (connector.live()) {
                all = all.chain(() -> sendDue(connector));
            }
        }
        return all;
    }

    private Uni<Void> sendDue(AdPlatformConnector connector) {
        Instant now = Instant.now(clock);
        return Panache.withSession(() -> ActivationRequest.<ActivationRequest>find(
                        "from ActivationRequest r where r.platform = ?1 and ((r.status = ?2 and r.nextAttemptAt <= ?3) "
                                + "or (r.status = ?4 and r.claimedAt < ?5)) and not exists (select 1 from "
                                + "ActivationRequest o where o.platform = r.platform and o.campaignId = r.campaignId "
                                + "and o.status in (?2, ?4) and o.createdAt < r.createdAt) order by r.createdAt",
                        connector.platform(), ActivationRequest.Status.PENDING, now, ActivationRequest.Status.SENDING,
                        now.minus(STALE_CLAIM))
                .page(0, BATCH).list())
                .chain(due -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (ActivationRequest row : due) {
                        chain = chain.chain(() -> claim(row.id).chain(claimed -> claimed.isEmpty()
                                ? Uni.createFrom().voidItem() : send(connector, claimed.get(), false)));
                    }
                    return chain;
                });
    }

    /** The request, now SENDING, if no other sender took it first. */
    private Uni<Optional<ActivationRequest>> claim(UUID id) {
        Instant now = Instant.now(clock);
        return Panache.withTransaction(() -> ActivationRequest.update(
                        "status = ?1, claimedAt = ?2 where id = ?3 and (status = ?4 or (status = ?1 and claimedAt < ?5))",
                        ActivationRequest.Status.SENDING, now, id, ActivationRequest.Status.PENDING,
                        now.minus(STALE_CLAIM))
                .chain(updated -> updated == 0 ? Uni.createFrom().item(Optional.<ActivationRequest>empty())
                        : ActivationRequest.<ActivationRequest>findById(id).map(Optional::ofNullable)));
    }

    private Uni<Void> send(AdPlatformConnector connector, ActivationRequest claimed, boolean afterNewToken) {
        Duration wait = connector.rateLimit().reserve(Instant.now(clock));
        Uni<Void> slot = wait.isZero() ? Uni.createFrom().voidItem()
                : Uni.createFrom().voidItem().onItem().delayIt().by(wait);
        return slot.chain(() -> {
            Instant sentAt = Instant.now(clock);
            long started = System.nanoTime();
            return connector.send(claimed.request()).chain(answer -> {
                long millis = (System.nanoTime() - started) / 1_000_000;
                Verdict verdict = connector.judge(answer);
                boolean again = verdict instanceof Verdict.TokenRefused && !afterNewToken;
                if (again) {
                    connector.tokenRefused();
                }
                return record(claimed.id, sentAt, millis, answer, verdict, again)
                        .chain(row -> again && row != null ? send(connector, row, true) : Uni.createFrom().voidItem());
            });
        });
    }

    /** Writes the attempt and the request's new state; the request when it is to be sent again at once. */
    private Uni<ActivationRequest> record(UUID id, Instant sentAt, long millis, PlatformAnswer answer, Verdict verdict,
                                          boolean again) {
        Instant now = Instant.now(clock);
        return Panache.withTransaction(() -> ActivationRequest.<ActivationRequest>findById(id).chain(row -> {
            row.attempts++;
            ActivationAttempt attempt = new ActivationAttempt();
            attempt.id = UUID.randomUUID();
            attempt.requestId = row.id;
            attempt.attempt = row.attempts;
            attempt.sentAt = sentAt;
            attempt.requestBody = row.body;
            attempt.statusCode = answer.answered() ? answer.status() : null;
            attempt.responseBody = answer.answered() ? answer.body() : null;
            attempt.error = answer.answered() ? null : answer.body();
            attempt.durationMillis = millis;
            switch (verdict) {
                case Verdict.Done done -> {
                    row.status = ActivationRequest.Status.SENT;
                    row.completedAt = now;
                    row.lastError = null;
                }
                case Verdict.TokenRefused refused -> {
                    if (again) {
                        row.lastError = "access token refused; sent again with a new one";
                    } else {
                        row.status = ActivationRequest.Status.FAILED;
                        row.completedAt = now;
                        row.lastError = "the access token was refused again right after a new one was issued";
                    }
                }
                case Verdict.Retry retry -> {
                    row.lastError = retry.reason();
                    if (row.attempts >= config.maxAttempts()) {
                        row.status = ActivationRequest.Status.FAILED;
                        row.completedAt = now;
                        row.lastError = "gave up after " + row.attempts + " attempts: " + retry.reason();
                    } else {
                        row.status = ActivationRequest.Status.PENDING;
                        row.nextAttemptAt = now.plus(backoff.after(row.attempts, retry.after()));
                    }
                }
                case Verdict.Refused refused -> {
                    row.status = ActivationRequest.Status.FAILED;
                    row.completedAt = now;
                    row.lastError = refused.reason();
                }
            }
            Log.infof("%s request %s (%s of campaign %s), attempt %d: %s → %s", row.platform.key(), row.id,
                    row.kind, row.campaignId, row.attempts, answer.answered() ? answer.status() : "no answer",
                    row.status);
            return attempt.persist().replaceWith(again ? row : null);
        }));
    }
}
