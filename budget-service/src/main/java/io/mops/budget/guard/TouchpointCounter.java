package io.mops.budget.guard;

import io.mops.common.events.EventCodec;
import io.mops.common.events.PoisonEventException;
import io.mops.common.events.TouchpointObserved;
import io.mops.common.inbox.RetryWhileDatabaseAway;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts each channel's touchpoints per hour of arrival, the tracking-breakage detector's evidence: a broken tag
 * shows as touchpoints that stop arriving while the channel goes on spending. Touchpoints carry their channel;
 * conversions do not (attribution credits them to channels per period, long after the hour), which is why the guard
 * watches touchpoints.
 * <p>
 * A count, not a ledger: a malformed touchpoint is skipped here (attribution-service, which stores touchpoints,
 * dead-letters it with the reason; a second dead letter would only duplicate it), and a poll redelivered after a
 * crash is counted twice, which errs toward seeing more touchpoints, never toward a false breakage.
 */
@ApplicationScoped
public class TouchpointCounter {

    private final EventCodec codec;
    private final Pool pool;
    private final Clock clock;

    public TouchpointCounter(EventCodec codec, Pool pool, Clock clock) {
        this.codec = codec;
        this.pool = pool;
        this.clock = clock;
    }

    @Incoming("guard-touchpoints")
    @RetryWhileDatabaseAway
    public Uni<Void> onTouchpoints(ConsumerRecords<String, String> records) {
        Map<String, Long> perChannel = new TreeMap<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                perChannel.merge(codec.read(record.value(), TouchpointObserved.TYPE).data().channel(), 1L, Long::sum);
            } catch (PoisonEventException e) {
                Log.debugf("touchpoint not counted: %s", e.getMessage());
            }
        }
        return count(perChannel, OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.HOURS));
    }

    Uni<Void> count(Map<String, Long> perChannel, OffsetDateTime hour) {
        if (perChannel.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> channels = new ArrayList<>(perChannel.keySet());
        List<Long> counts = channels.stream().map(perChannel::get).toList();
        return pool.preparedQuery("""
                        insert into guard_touchpoint_hour (channel, hour, touchpoints)
                        select c, $2, n from unnest($1::varchar[], $3::bigint[]) as t(c, n)
                        on conflict (channel, hour) do update
                        set touchpoints = guard_touchpoint_hour.touchpoints + excluded.touchpoints""")
                .execute(Tuple.tuple().addArrayOfString(channels.toArray(String[]::new)).addOffsetDateTime(hour)
                        .addArrayOfLong(counts.toArray(Long[]::new)))
                .replaceWithVoid();
    }
}
