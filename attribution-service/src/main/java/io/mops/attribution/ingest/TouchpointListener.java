package io.mops.attribution.ingest;

import io.mops.attribution.quality.DataQualityGuard;
import io.mops.attribution.quality.DataQualityRules;
import io.mops.common.events.EventCodec;
import io.mops.common.events.TouchpointObserved;
import io.mops.common.inbox.OutageRetry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Stores the touchpoints the channel integrations report, a whole poll at a time in one transaction; a redelivered
 * touchpoint is recognised by its event id, a poison record is dead-lettered on its own ({@link BatchIngest}). Then
 * the poll is counted for the data-quality detectors ({@link DataQualityGuard}).
 */
@ApplicationScoped
public class TouchpointListener {

    private final EventCodec codec;
    private final BatchIngest ingest;
    private final IngestInbox inbox;
    private final Clock clock;
    private final DataQualityGuard quality;

    public TouchpointListener(EventCodec codec, BatchIngest ingest, IngestInbox inbox, Clock clock,
                              DataQualityGuard quality) {
        this.quality = quality;
        this.clock = clock;
        this.codec = codec;
        this.ingest = ingest;
        this.inbox = inbox;
    }

    @Incoming("touchpoints")
    public Uni<Void> onTouchpoints(ConsumerRecords<String, String> records) {
        Instant receivedAt = Instant.now(clock);
        // Every touchpoint read, a redelivery inside the poll included, and what the database said of them.
        List<StoredTouchpoint> read = new ArrayList<>();
        Set<UUID> attempted = new HashSet<>();
        Set<UUID> stored = new HashSet<>();
        OutageRetry.Budget budget = ingest.budget();
        return ingest.ingest(budget, records,
                        record -> {
                            StoredTouchpoint touchpoint = StoredTouchpoint.from(
                                    codec.read(record.value(), TouchpointObserved.TYPE), receivedAt);
                            read.add(touchpoint);
                            return touchpoint;
                        },
                        touchpoint -> touchpoint.eventId,
                        touchpoints -> inbox.storeTouchpointsSayingWhich(touchpoints).invoke(ids -> {
                            touchpoints.forEach(t -> attempted.add(t.eventId));
                            stored.addAll(ids);
                        }))
                // A count, not a ledger: a retried observation may count part of a poll twice, never lose it.
                .chain(() -> budget.untilBack(() -> quality.observe(observations(read, attempted, stored), receivedAt)))
                .replaceWithVoid();
    }

    /**
     * A touchpoint is a duplicate when its id came earlier in the poll or the database already held it; one the
     * database refused (dead-lettered) is not counted at all.
     */
    static List<DataQualityRules.Observation> observations(List<StoredTouchpoint> read, Set<UUID> attempted,
                                                           Set<UUID> stored) {
        Set<UUID> seen = new HashSet<>();
        List<DataQualityRules.Observation> observed = new ArrayList<>();
        for (StoredTouchpoint t : read) {
            boolean first = seen.add(t.eventId);
            if (first && !attempted.contains(t.eventId)) {
                continue;
            }
            observed.add(new DataQualityRules.Observation(t.channel, t.occurredAt, t.campaign,
                    !first || !stored.contains(t.eventId)));
        }
        return observed;
    }
}
