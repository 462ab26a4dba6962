package io.mops.approval.notify;

import io.mops.approval.ApprovalConfig;
import io.mops.common.time.ClockDrivenJob;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends what {@link Notifier} wrote: immediate mails at once, each person's digest once a day at the digest hour (by
 * the platform's clock), and webhook deliveries with retries and exponential backoff until they succeed or are given
 * up (then they stay visible as failed).
 */
@ApplicationScoped
public class NotificationDispatcher implements ClockDrivenJob {

    private static final int BATCH = 50;
    /** A mail the SMTP server refused this often is left unsent, with its last error, for someone to look at. */
    private static final int MAX_MAIL_ATTEMPTS = 10;

    private final ReactiveMailer mailer;
    private final Clock clock;
    private final ApprovalConfig.Notifications config;
    private final HttpClient http;

    public NotificationDispatcher(ReactiveMailer mailer, Clock clock, ApprovalConfig config) {
        this.mailer = mailer;
        this.clock = clock;
        this.config = config.notifications();
        this.http = HttpClient.newBuilder().connectTimeout(this.config.webhookTimeout()).build();
    }

    @Scheduled(every = "${mops.approval.notifications.interval}", delayed = "${mops.outbox.initial-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return runDue()
                .onFailure().invoke(e -> Log.warnf(e, "sending approval notifications failed; retried next time"))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    @Override
    public String name() {
        return "approval-notifications";
    }

    @Override
    public int order() {
        return 110;
    }

    @Override
    public Uni<Void> runDue() {
        return sendImmediate().chain(this::sendDigests).chain(this::deliverWebhooks);
    }

    /**
     * Mails are claimed with {@code FOR UPDATE SKIP LOCKED} and sent inside the claiming transaction: several
     * replicas each send different rows, and a row is marked sent only by the replica that sent it.
     */
    Uni<Void> sendImmediate() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                                select * from approval_notification
                                where sent_at is null and not digest and attempts < :maxAttempts
                                order by created_at, id
                                limit :limit
                                for update skip locked""", Notification.class)
                        .setParameter("maxAttempts", MAX_MAIL_ATTEMPTS)
                        .setParameter("limit", BATCH)
                        .getResultList())
                .chain(rows -> Multi.createFrom().iterable(rows).onItem().transformToUniAndConcatenate(n ->
                                mailer.send(Mail.withText(n.address, n.subject, n.body).setFrom(config.from()))
                                        .invoke(() -> n.sentAt = clock.instant())
                                        .onFailure().recoverWithItem(e -> {
                                            n.attempts++;
                                            n.lastError = String.valueOf(e.getMessage());
                                            return null;
                                        }))
                        .collect().asList().replaceWithVoid()));
    }

    /** One mail per person with everything collected before today's digest hour. */
    Uni<Void> sendDigests() {
        Instant now = clock.instant();
        Instant digestTime = LocalDate.ofInstant(now, ZoneOffset.UTC).atTime(config.digestHour(), 0)
                .toInstant(ZoneOffset.UTC);
        if (now.isBefore(digestTime)) {
            return Uni.createFrom().voidItem();
        }
        // Skip-locked like the immediate mails: a replica that finds a person's rows claimed leaves them to the
        // replica that claimed them, so each person gets one digest.
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                                select * from approval_notification
                                where sent_at is null and digest and created_at < :digestTime
                                  and attempts < :maxAttempts
                                order by recipient, created_at, id
                                for update skip locked""", Notification.class)
                        .setParameter("digestTime", digestTime)
                        .setParameter("maxAttempts", MAX_MAIL_ATTEMPTS)
                        .getResultList())
                .chain(rows -> {
                    Map<String, List<Notification>> byPerson = new LinkedHashMap<>();
                    rows.forEach(n -> byPerson.computeIfAbsent(n.recipient, k -> new ArrayList<>()).add(n));
                    return Multi.createFrom().iterable(byPerson.values()).onItem().transformToUniAndConcatenate(
                                    items -> mailer.send(digest(items))
                                            .invoke(() -> items.forEach(n -> n.sentAt = now))
                                            .onFailure().recoverWithItem(e -> {
                                                items.forEach(n -> {
                                                    n.attempts++;
                                                    n.lastError = String.valueOf(e.getMessage());
                                                });
                                                return null;
                                            }))
                            .collect().asList().replaceWithVoid();
                }));
    }

    private Mail digest(List<Notification> items) {
        StringBuilder body = new StringBuilder("Your approvals digest: " + items.size() + " update(s).\n");
        for (Notification n : items) {
            body.append("\n---\n").append(n.subject).append("\n\n").append(n.body);
        }
        return Mail.withText(items.getFirst().address, "[MOPS approvals] Daily digest: " + items.size()
                + " update(s)", body.toString()).setFrom(config.from());
    }

    private record Attempt(UUID id, String url, String body, String secret) {
    }

    private record Result(UUID id, Integer status, String error) {
    }

    /**
     * Claim what is due in one transaction, call the webhooks outside any (a slow receiver must not hold locks), and
     * record the results in another. The claim ({@code FOR UPDATE SKIP LOCKED}) moves each row's next attempt past
     * the call's timeout, so another replica neither takes the same rows at once nor picks them up while the call
     * is under way; if this replica dies mid-call, the rows fall due again after that lease.
     */
    Uni<Void> deliverWebhooks() {
        Context context = Vertx.currentContext();
        Instant now = clock.instant();
        Instant leaseEnd = now.plus(config.webhookTimeout().multipliedBy(2));
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                                        select * from webhook_delivery
                                        where delivered_at is null and failed_at is null and next_attempt_at <= :now
                                        order by next_attempt_at, id
                                        limit :limit
                                        for update skip locked""", WebhookDelivery.class)
                                .setParameter("now", now)
                                .setParameter("limit", BATCH)
                                .getResultList())
                        .invoke(due -> due.forEach(d -> d.nextAttemptAt = leaseEnd))
                        .chain(due -> due.isEmpty() ? Uni.createFrom().item(List.<Attempt>of())
                                : GroupWebhook.<GroupWebhook>list("group in ?1", due.stream().map(d -> d.group).toList())
                                .map(hooks -> {
                                    Map<String, String> secrets = new LinkedHashMap<>();
                                    hooks.forEach(h -> secrets.put(h.group, h.secret));
                                    return due.stream().map(d -> new Attempt(d.id, d.url, d.body,
                                            secrets.getOrDefault(d.group, ""))).toList();
                                })))
                .chain(attempts -> Multi.createFrom().iterable(attempts)
                        .onItem().transformToUniAndConcatenate(this::call).collect().asList())
                .emitOn(command -> {
                    if (context != null) {
                        context.runOnContext(ignored -> command.run());
                    } else {
                        command.run();
                    }
                })
                .chain(results -> results.isEmpty() ? Uni.createFrom().voidItem()
                        : Panache.withTransaction(() -> Multi.createFrom().iterable(results)
                        .onItem().transformToUniAndConcatenate(this::record).collect().asList().replaceWithVoid()));
    }

    private Uni<Result> call(Attempt attempt) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(attempt.url()))
                    .timeout(config.webhookTimeout())
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(attempt.secret(), timestamp,
                            attempt.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(attempt.body()))
                    .build();
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(new Result(attempt.id(), null, "bad URL: " + e.getMessage()));
        }
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .map(response -> new Result(attempt.id(), response.statusCode(), response.statusCode() / 100 == 2
                        ? null : "HTTP " + response.statusCode()))
                .onFailure().recoverWithItem(e -> new Result(attempt.id(), null, e.getClass().getSimpleName() + ": "
                        + e.getMessage()));
    }

    private Uni<Void> record(Result result) {
        Instant now = clock.instant();
        return WebhookDelivery.<WebhookDelivery>findById(result.id()).invoke(d -> {
            d.attempts++;
            d.lastStatus = result.status();
            if (result.error() == null) {
                d.deliveredAt = now;
                d.lastError = null;
                d.nextAttemptAt = null;
            } else {
                d.lastError = result.error();
                if (d.attempts >= config.webhookMaxAttempts()) {
                    d.failedAt = now;
                    d.nextAttemptAt = null;
                    Log.warnf("webhook of group %s gave up after %d attempts: %s", d.group, d.attempts, d.lastError);
                } else {
                    d.nextAttemptAt = now.plus(WebhookSignature.backoff(d.attempts, config.webhookBackoff(),
                            config.webhookBackoffCap()));
                }
            }
        }).replaceWithVoid();
    }
}
