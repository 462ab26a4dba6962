package io.mops.attribution.ingest;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Stores a batch of touchpoints at most once per event id, in one transaction: the ids this consumer has already
 * applied ({@code processed_event}, the same inbox {@code IdempotentConsumer} keeps) are looked up in one statement,
 * and the new inbox rows and touchpoints are each written with one multi-row insert. Plain SQL with array
 * parameters rather than entities: at tens of thousands of touchpoints a second the per-entity work of Hibernate
 * is what limits ingest.
 */
@ApplicationScoped
public class TouchpointInbox {

    private final Pool pool;

    public TouchpointInbox(Pool pool) {
        this.pool = pool;
    }

    /** @return how many of the touchpoints were new to this consumer and are now stored */
    public Uni<Integer> storeOnce(String consumer, Collection<StoredTouchpoint> touchpoints) {
        if (touchpoints.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        UUID[] ids = touchpoints.stream().map(t -> t.eventId).toArray(UUID[]::new);
        return pool.withTransaction(connection -> connection
                .preparedQuery("select event_id from processed_event where consumer = $1 and event_id = any($2)")
                .execute(Tuple.tuple().addString(consumer).addArrayOfUUID(ids))
                .flatMap(seen -> {
                    Set<UUID> applied = new HashSet<>();
                    for (Row row : seen) {
                        applied.add(row.getUUID(0));
                    }
                    List<StoredTouchpoint> fresh = touchpoints.stream().filter(t -> !applied.contains(t.eventId))
                            .toList();
                    return fresh.isEmpty() ? Uni.createFrom().item(0) : insert(connection, consumer, fresh);
                }));
    }

    private static Uni<Integer> insert(SqlConnection connection, String consumer, List<StoredTouchpoint> fresh) {
        int n = fresh.size();
        UUID[] ids = new UUID[n];
        String[] userIds = new String[n];
        String[] anonymousIds = new String[n];
        OffsetDateTime[] occurredAt = new OffsetDateTime[n];
        String[] channels = new String[n];
        String[] campaigns = new String[n];
        String[] interactions = new String[n];
        Numeric[] costs = new Numeric[n];
        String[] currencies = new String[n];
        for (int i = 0; i < n; i++) {
            StoredTouchpoint t = fresh.get(i);
            ids[i] = t.eventId;
            userIds[i] = t.userId;
            anonymousIds[i] = t.anonymousId;
            occurredAt[i] = utc(t.occurredAt);
            channels[i] = t.channel;
            campaigns[i] = t.campaign;
            interactions[i] = t.interaction;
            costs[i] = t.cost == null ? null : Numeric.create(t.cost);
            currencies[i] = t.currency;
        }
        // All touchpoints of one batch are received at the same instant (the caller's clock reading).
        OffsetDateTime receivedAt = utc(fresh.getFirst().receivedAt);
        Tuple inbox = Tuple.tuple().addString(consumer).addArrayOfUUID(ids).addOffsetDateTime(receivedAt);
        Tuple rows = Tuple.tuple().addArrayOfUUID(ids).addArrayOfString(userIds).addArrayOfString(anonymousIds)
                .addArrayOfOffsetDateTime(occurredAt).addArrayOfString(channels).addArrayOfString(campaigns)
                .addArrayOfString(interactions).addValue(costs).addArrayOfString(currencies)
                .addOffsetDateTime(receivedAt);
        return connection.preparedQuery("""
                        insert into processed_event (consumer, event_id, processed_at)
                        select $1, id, $3 from unnest($2::uuid[]) as id""")
                .execute(inbox)
                // A touchpoint imported over REST under the same event id is already stored: it stays as it is.
                .flatMap(ignored -> connection.preparedQuery("""
                                insert into touchpoint (event_id, user_id, anonymous_id, occurred_at, channel, campaign,
                                                        interaction, cost, currency, received_at)
                                select *, $10 from unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::timestamptz[],
                                                          $5::varchar[], $6::varchar[], $7::varchar[], $8::numeric[],
                                                          $9::bpchar[])
                                on conflict (event_id) do nothing""")
                        .execute(rows))
                .map(inserted -> n);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
