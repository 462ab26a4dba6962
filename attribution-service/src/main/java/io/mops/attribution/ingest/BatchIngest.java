package io.mops.attribution.ingest;

import io.mops.common.inbox.DeadLetter;
import io.mops.common.inbox.DeadLetterMeter;
import io.mops.common.inbox.OutageRetry;
import io.mops.common.inbox.RefusedWrites;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the touchpoint, conversion and spend listeners share: a Kafka poll is read record by record
 * ({@link InboxBatch}), the records that can never be stored are dead-lettered one by one with their reason, and the
 * rest is stored as one batch in one transaction.
 * <p>
 * Poison is dead-lettered here, not by the connector: its dead-letter strategy acts on the whole batch, so leaving
 * poison to it would send the good events of the same poll to the dead-letter topic too. The dead letters are
 * acknowledged by Kafka before the batch is stored and the poll committed, so none is lost. An event the database
 * refuses although validation let it through is found by halving the batch ({@link RefusedWrites}) and
 * dead-lettered alone with the database's reason. While the database is unavailable, each transaction is retried
 * within one budget for the poll ({@link OutageRetry}): an outage costs a retry, never a dead letter, and the
 * poison already dead-lettered is not sent again. The connector's strategy stays for a poll that fails as a whole
 * for any other reason, or whose budget ran out (then it stops the channel rather than dead-letter).
 */
@ApplicationScoped
public class BatchIngest {

    static final String DEAD_LETTERS = "ingest-dead-letters";

    private final MutinyEmitter<String> deadLetters;
    private final DeadLetterMeter deadLettered;
    private final OutageRetry outageRetry;

    public BatchIngest(@Channel(DEAD_LETTERS) MutinyEmitter<String> deadLetters, DeadLetterMeter deadLettered,
                       OutageRetry outageRetry) {
        this.deadLetters = deadLetters;
        this.deadLettered = deadLettered;
        this.outageRetry = outageRetry;
    }

    /** A budget for one poll's waits on the database, to share with the listener's own writes after the ingest. */
    public OutageRetry.Budget budget() {
        return outageRetry.budget();
    }

    /**
     * @param read    see {@link InboxBatch#read}
     * @param eventId the event id of what {@code read} returned
     * @param store   stores the batch once per event id, in one transaction
     */
    public <T> Uni<Void> ingest(ConsumerRecords<String, String> records,
                                Function<ConsumerRecord<String, String>, T> read, Function<T, UUID> eventId,
                                Function<Collection<T>, Uni<?>> store) {
        return ingest(budget(), records, read, eventId, store);
    }

    /** As above, waiting for the database within {@code budget}. */
    public <T> Uni<Void> ingest(OutageRetry.Budget budget, ConsumerRecords<String, String> records,
                                Function<ConsumerRecord<String, String>, T> read, Function<T, UUID> eventId,
                                Function<Collection<T>, Uni<?>> store) {
        InboxBatch<ConsumerRecord<String, String>, T> batch = InboxBatch.read(records, read, eventId);
        List<Uni<Void>> rejected = batch.rejected().stream().map(this::deadLetter).toList();
        Uni<Void> deadLettered = rejected.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(rejected).andFailFast().replaceWithVoid();
        return deadLettered.chain(() -> RefusedWrites.store(batch.events(),
                        part -> budget.untilBack(() -> store.apply(part).replaceWithVoid()),
                (event, refusal) -> send(DeadLetter.of(batch.sources().get(eventId.apply(event)),
                        RefusedWrites.reason(refusal), refusal.getClass()), batch.sources().get(eventId.apply(event)))))
                .replaceWithVoid();
    }

    private Uni<Void> deadLetter(InboxBatch.Rejected<ConsumerRecord<String, String>> rejected) {
        return send(DeadLetter.of(rejected.record(), rejected.reason()), rejected.record());
    }

    private Uni<Void> send(Message<String> deadLetter, ConsumerRecord<String, String> source) {
        return deadLetters.sendMessage(deadLetter).invoke(() -> deadLettered.deadLettered(source.topic()));
    }
}
