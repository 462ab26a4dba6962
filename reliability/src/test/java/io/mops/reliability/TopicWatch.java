package io.mops.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a topic from its beginning for as long as the suite runs and counts, per event id (the envelope's
 * {@code id}), how many records carry it: the dead letters of a scenario's events, or the copies of an event the
 * outbox relay published. Reads without a consumer group, so it changes no offset a service depends on, and rides
 * out a broker restart as any consumer does.
 */
final class TopicWatch implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final Map<UUID, AtomicLong> copies = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    TopicWatch(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30))
                .stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::read, "watch-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    private void read() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    UUID id = eventId(record.value());
                    if (id != null) {
                        copies.computeIfAbsent(id, k -> new AtomicLong()).incrementAndGet();
                    }
                }
            }
        } catch (WakeupException stopping) {
            // close() ends the loop
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private static UUID eventId(String value) {
        try {
            JsonNode id = value == null ? null : JSON.readTree(value).get("id");
            return id == null ? null : UUID.fromString(id.asText());
        } catch (IOException | IllegalArgumentException notAnEnvelope) {
            return null;
        }
    }

    /** How many of {@code ids} have at least one record. */
    long distinctOf(Collection<UUID> ids) {
        return ids.stream().filter(copies::containsKey).count();
    }

    /** Records of {@code ids} beyond the first per id. */
    long extraCopiesOf(Collection<UUID> ids) {
        return ids.stream().map(copies::get).filter(Objects::nonNull).mapToLong(c -> c.get() - 1).sum();
    }

    boolean has(UUID id) {
        return copies.containsKey(id);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
