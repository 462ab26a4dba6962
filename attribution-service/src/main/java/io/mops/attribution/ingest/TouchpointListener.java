package io.mops.attribution.ingest;

import io.mops.common.events.EventCodec;
import io.mops.common.events.TouchpointObserved;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Stores the touchpoints the channel integrations report, a whole poll at a time in one transaction (see
 * {@link TouchpointInbox}); a redelivered touchpoint is recognised by its event id.
 * <p>
 * A message that can never be stored is dead-lettered here, record by record, with the reason: the connector's
 * dead-letter strategy acts on the whole batch, so leaving poison to it would send the good touchpoints of the
 * same poll to the dead-letter topic too. The dead letters are acknowledged by Kafka before the poll is
 * committed, so none is lost.
 */
@ApplicationScoped
public class TouchpointListener {

    static final String CONSUMER = "attribution.touchpoint";
    static final String DEAD_LETTERS = "touchpoint-dead-letters";

    private final EventCodec codec;
    private final TouchpointInbox inbox;
    private final MutinyEmitter<String> deadLetters;

    public TouchpointListener(EventCodec codec, TouchpointInbox inbox,
                              @Channel(DEAD_LETTERS) MutinyEmitter<String> deadLetters) {
        this.codec = codec;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
    }

    @Incoming("touchpoints")
    public Uni<Void> onTouchpoints(ConsumerRecords<String, String> records) {
        Instant receivedAt = Instant.now();
        TouchpointBatch<ConsumerRecord<String, String>> batch = TouchpointBatch.read(records, record ->
                StoredTouchpoint.from(codec.read(record.value(), TouchpointObserved.TYPE), receivedAt));
        List<Uni<Void>> rejected = batch.rejected().stream().map(this::deadLetter).toList();
        Uni<Void> deadLettered = rejected.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(rejected).andFailFast().replaceWithVoid();
        return deadLettered.chain(() -> inbox.storeOnce(CONSUMER, batch.touchpoints())).replaceWithVoid();
    }

    /** The same record and headers the connector's dead-letter strategy writes, so that one tool reads both. */
    private Uni<Void> deadLetter(TouchpointBatch.Rejected<ConsumerRecord<String, String>> rejected) {
        ConsumerRecord<String, String> record = rejected.record();
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", utf8(rejected.reason()));
        headers.add("dead-letter-topic", utf8(record.topic()));
        headers.add("dead-letter-partition", utf8(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", utf8(Long.toString(record.offset())));
        Message<String> message = Message.of(record.value()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key())
                .withHeaders(headers)
                .build());
        return deadLetters.sendMessage(message);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
