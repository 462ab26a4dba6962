package io.mops.reliability;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a stream of events to one topic at a steady rate, as channel integrations do, from a thread of its own so
 * that a fault can be injected while it runs. The producer waits out a broker that is away (its buffer and delivery
 * timeout span minutes) and a record whose delivery failed all the same is sent again at the end, so every event is
 * eventually acknowledged: what the services then show is theirs, not the sender's.
 */
final class EventStream implements AutoCloseable {

    /** One record: the event id, the partition key and the envelope. */
    record Event(UUID id, String key, String value) {
    }

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final int perSecond;
    private final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicLong written = new AtomicLong();
    private final List<Event> failed = Collections.synchronizedList(new ArrayList<>());
    private Thread thread;
    private volatile RuntimeException failure;

    EventStream(String bootstrap, String topic, int perSecond) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 256L * 1024 * 1024);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Duration.ofMinutes(5).toMillis());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Duration.ofMinutes(5).toMillis());
        this.producer = new KafkaProducer<>(props);
        this.topic = topic;
        this.perSecond = perSecond;
    }

    /** Starts writing {@code events} in their order, {@code perSecond} a second. */
    void start(List<Event> events) {
        thread = new Thread(() -> {
            try {
                write(events);
                for (int round = 0; round < 5 && !failed.isEmpty(); round++) {
                    List<Event> again;
                    synchronized (failed) {
                        again = List.copyOf(failed);
                        failed.clear();
                    }
                    write(again);
                }
                if (!failed.isEmpty()) {
                    throw new IllegalStateException(failed.size() + " events could not be written to " + topic);
                }
            } catch (RuntimeException e) {
                failure = e;
            }
        }, "event-stream-" + topic);
        thread.start();
    }

    private void write(List<Event> events) {
        long started = System.nanoTime();
        long count = 0;
        for (Event event : events) {
            producer.send(new ProducerRecord<>(topic, event.key(), event.value()), (metadata, error) -> {
                if (error == null) {
                    acknowledged.add(event.id());
                } else {
                    failed.add(event);
                }
            });
            written.incrementAndGet();
            count++;
            long due = started + count * 1_000_000_000L / perSecond;
            long ahead = due - System.nanoTime();
            if (ahead > 1_000_000) {
                sleep(Duration.ofNanos(ahead));
            }
        }
        producer.flush();
    }

    /** Records handed to the producer so far (repeats included). */
    long written() {
        return written.get();
    }

    /** Waits until the whole stream is written and acknowledged. */
    void awaitEnd(Duration within) {
        try {
            thread.join(within.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (thread.isAlive()) {
            throw new IllegalStateException("the stream to " + topic + " did not end within " + within);
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Waits until {@code count} records are handed to the producer: the point "mid-stream" of a scenario. */
    void awaitWritten(long count) {
        while (written.get() < count && thread.isAlive()) {
            sleep(Duration.ofMillis(20));
        }
    }

    /** The distinct events Kafka acknowledged. */
    Set<UUID> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
