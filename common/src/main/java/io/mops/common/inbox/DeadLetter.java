package io.mops.common.inbox;

import io.mops.common.events.PoisonEventException;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;

/**
 * A record that a batch consumer could not apply, addressed to the dead-letter topic. A batch is acknowledged as a
 * whole, so the connector's {@code dead-letter-queue} failure strategy cannot single out one bad record of a poll;
 * batch consumers send each one themselves, with the same record and headers that strategy writes, so that one tool
 * reads both kinds.
 */
public final class DeadLetter {

    private DeadLetter() {
    }

    /**
     * A record refused as poison or by a rule of the consumer. Send it through an emitter whose channel's topic is
     * the dead-letter topic.
     */
    public static Message<String> of(ConsumerRecord<String, String> record, String reason) {
        return of(record, reason, PoisonEventException.class);
    }

    /** A record refused by {@code failure} (the database, say), under the class name of what refused it. */
    public static Message<String> of(ConsumerRecord<String, String> record, String reason,
                                     Class<? extends Throwable> failure) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", utf8(reason));
        headers.add("dead-letter-exception-class-name", utf8(failure.getName()));
        headers.add("dead-letter-topic", utf8(record.topic()));
        headers.add("dead-letter-partition", utf8(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", utf8(Long.toString(record.offset())));
        return Message.of(record.value()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key())
                .withHeaders(headers)
                .build());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
