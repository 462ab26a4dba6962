package io.mops.testsupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes raw records to a topic, as another service (or a broken one) would; {@code topic} is the platform's name
 * (a {@code Topics} constant), written to in the tests' namespace ({@link LocalStack#testTopic}).
 */
public final class TestProducer {

    private TestProducer() {
    }

    public static void send(String topic, String key, String value) {
        sendAll(topic, List.of(Map.entry(key, value)));
    }

    /**
     * Writes {@code records} (key and value each) in their order through one producer — records of one key keep that
     * order on their partition — and returns once Kafka has acknowledged every one.
     */
    public static void sendAll(String topic, List<Map.Entry<String, String>> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.ensureRunning().kafkaBootstrap());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // One request in flight: a retried batch cannot overtake the next one, so the order written is the order read.
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Map.Entry<String, String> record : records) {
                sent.add(producer.send(new ProducerRecord<>(LocalStack.testTopic(topic), record.getKey(),
                        record.getValue())));
            }
            for (Future<RecordMetadata> ack : sent) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write to " + topic, e);
        }
    }
}
