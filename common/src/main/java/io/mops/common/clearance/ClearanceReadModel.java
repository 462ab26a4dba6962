package io.mops.common.clearance;

import io.mops.common.events.CampaignClearanceRevoked;
import io.mops.common.events.CampaignCleared;
import io.mops.common.events.EventCodec;
import io.mops.common.inbox.IdempotentConsumer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A service's copy of qa-service's campaign clearances: hears {@code CampaignCleared} and
 * {@code CampaignClearanceRevoked} on {@code mops.qa.events}, applies each once by its event id (the inbox) and by
 * {@link Clearance}'s rules, and stores the result in the service's own table. Other QA events are passed over; an
 * invalid clearance fails {@link #consume}, and the connector dead-letters it with the reason.
 *
 * @param <R> the service's entity of its clearance table
 */
public final class ClearanceReadModel<R extends ClearanceRow> {

    /** What a service does when a campaign's clearance changed; runs in the transaction that applies the event. */
    @FunctionalInterface
    public interface Follower {
        Uni<Void> changed(Clearance before, Clearance after);

        Follower NONE = (before, after) -> Uni.createFrom().voidItem();
    }

    private final String consumer;
    private final Class<R> table;
    private final Supplier<R> newRow;
    private final EventCodec codec;
    private final IdempotentConsumer idempotent;

    /**
     * @param consumer the inbox's name prefix: events are recorded as {@code <consumer>.campaign-cleared} and
     *                 {@code <consumer>.campaign-clearance-revoked}
     */
    public ClearanceReadModel(String consumer, Class<R> table, Supplier<R> newRow, EventCodec codec,
                              IdempotentConsumer idempotent) {
        this.consumer = consumer;
        this.table = table;
        this.newRow = newRow;
        this.codec = codec;
        this.idempotent = idempotent;
    }

    /** Applies the payload if it is a clearance event; {@code follower} hears each change. */
    public Uni<Void> consume(String payload, Follower follower) {
        return Uni.createFrom().deferred(() -> {
            var cleared = codec.readIf(payload, CampaignCleared.TYPE);
            if (cleared.isPresent()) {
                return idempotent.applyOnce(consumer + ".campaign-cleared", cleared.get(),
                        e -> apply(e.data().campaignId(), current -> Clearance.after(current, e), follower))
                        .replaceWithVoid();
            }
            var revoked = codec.readIf(payload, CampaignClearanceRevoked.TYPE);
            if (revoked.isPresent()) {
                return idempotent.applyOnce(consumer + ".campaign-clearance-revoked", revoked.get(),
                        e -> apply(e.data().campaignId(), current -> Clearance.afterRevocation(current, e), follower))
                        .replaceWithVoid();
            }
            return Uni.createFrom().voidItem();
        });
    }

    /** The campaign's clearance row, null when none was heard. Call it inside a session. */
    public Uni<R> find(String campaignKey) {
        if (campaignKey == null) {
            return Uni.createFrom().nullItem();
        }
        return Panache.getSession().chain(session -> session.find(table, campaignKey));
    }

    private Uni<Void> apply(String campaignKey, Function<Clearance, Optional<Clearance>> rule, Follower follower) {
        return find(campaignKey).chain(found -> {
            Clearance before = found == null ? null : found.clearance();
            Optional<Clearance> after = rule.apply(before);
            if (after.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            R row = found != null ? found : newRow.get();
            row.take(after.get());
            Uni<?> stored = found != null ? Uni.createFrom().item(row) : row.persist();
            return stored.chain(() -> follower.changed(before, after.get()));
        });
    }
}
