package io.mops.simulator.platform;

import io.mops.testsupport.Envelopes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * The simulated world's integrations writing to MOPS's ingest topics (docs/events.md), in the simulation's topic
 * namespace: ad platforms' spend, the website's touchpoints and the shop's conversions. Event ids are derived from
 * the seed and a running number, so a rerun of the same seed sends the same ids.
 */
public final class IngestStream implements AutoCloseable {

    private static final String SOURCE = "market-simulator";

    private final KafkaProducer<String, String> producer;
    private final String prefix;
    private final long seed;
    private long sequence;

    public IngestStream(String bootstrap, String topicPrefix, long seed) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        this.producer = new KafkaProducer<>(props);
        this.prefix = topicPrefix;
        this.seed = seed;
    }

    public void send(String topic, String type, Instant time, String subject, Map<String, Object> data) {
        UUID id = new UUID(seed, ++sequence);
        producer.send(new ProducerRecord<>(prefix + topic, subject,
                Envelopes.envelope(id, type, 1, SOURCE, time, subject, data)), (metadata, failure) -> {
                    if (failure != null) {
                        throw new IllegalStateException("could not write to " + topic, failure);
                    }
                });
    }

    /** Waits until everything sent so far is acknowledged by the broker. */
    public void flush() {
        producer.flush();
    }

    public long sent() {
        return sequence;
    }

    @Override
    public void close() {
        producer.close();
    }
}
