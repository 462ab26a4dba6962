import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.serialization.StringSerializer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Produces distinct, valid TouchpointObserved envelopes to mops.ingest.touchpoints once the service's consumer group
 * holds its partitions, and measures ingest from the service's side: the rows in the touchpoint table, counted
 * every second. Run by touchpoint-ingest.sh, which starts and stops the service.
 *
 * Arguments: bootstrap, jdbc url, user, password, touchpoints, consumer group, time limit in seconds (per round),
 * warm-up touchpoints (produced and stored first, not measured).
 */
public class TouchpointIngestLoad {

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String jdbc = args[1];
        String user = args[2];
        String password = args[3];
        int touchpoints = Integer.parseInt(args[4]);
        String group = args[5];
        long limitMillis = Long.parseLong(args[6]) * 1000;

        int warmUp = Integer.parseInt(args[7]);

        awaitAssignment(bootstrap, group);
        try (Connection db = DriverManager.getConnection(jdbc, user, password)) {
            if (warmUp > 0) {
                // A fresh JVM ingests a few times slower until the JIT has compiled the hot path; not measured.
                round(db, bootstrap, warmUp, limitMillis, "warm-up");
            }
            round(db, bootstrap, touchpoints, limitMillis, "RESULT");
        }
    }

    private static void round(Connection db, String bootstrap, int touchpoints, long limitMillis, String label)
            throws Exception {
        long before = count(db);
        AtomicLong produced = new AtomicLong();
        long start = System.nanoTime();
        Thread producer = Thread.ofPlatform().start(() -> produce(bootstrap, touchpoints, produced, start));
        long stored = 0;
        long previous = 0;
        long best = 0;
        long lastProgress = System.nanoTime();
        while (stored < touchpoints) {
            Thread.sleep(1000);
            stored = count(db) - before;
            long perSecond = stored - previous;
            best = Math.max(best, perSecond);
            if (perSecond > 0) {
                lastProgress = System.nanoTime();
            }
            System.out.printf("%s t=%5.1fs produced=%d stored=%d (+%d/s)%n", label, seconds(start), produced.get(),
                    stored, perSecond);
            previous = stored;
            if (System.nanoTime() - start > limitMillis * 1_000_000 || System.nanoTime() - lastProgress > 30e9) {
                System.out.println("stopped: time limit or no progress for 30 s");
                break;
            }
        }
        double elapsed = seconds(start);
        producer.join(10_000);
        System.out.printf("%s stored=%d of %d in %.1f s: %.0f touchpoints/s sustained (first produce to last row), "
                + "best second %d/s%n", label, stored, touchpoints, elapsed, stored / elapsed, best);
    }

    /** With auto.offset.reset=latest the service reads only what arrives after it holds its partitions. */
    private static void awaitAssignment(String bootstrap, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            long deadline = System.nanoTime() + 180_000_000_000L;
            while (System.nanoTime() < deadline) {
                ConsumerGroupDescription description;
                try {
                    description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                } catch (java.util.concurrent.ExecutionException e) {
                    Thread.sleep(1000); // the group does not exist until the service has joined it
                    continue;
                }
                boolean assigned = description.groupState() == GroupState.STABLE && description.members().stream()
                        .anyMatch(m -> m.assignment().topicPartitions().stream()
                                .anyMatch(p -> p.topic().equals("mops.ingest.touchpoints")));
                if (assigned) {
                    Thread.sleep(3000); // the consumer resets to the end after assignment
                    return;
                }
                Thread.sleep(1000);
            }
            throw new IllegalStateException("consumer group " + group + " never got its partitions");
        }
    }

    /**
     * Users {@code bench-user-*}, campaigns {@code bench-*}, all on 2020-01-01: far outside any window the service
     * or its tests credit, since every consumer group of the topic (the tests' too) reads these records.
     */
    private static void produce(String bootstrap, int touchpoints, AtomicLong produced, long start) {
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrap);
        config.put("key.serializer", StringSerializer.class.getName());
        config.put("value.serializer", StringSerializer.class.getName());
        config.put("linger.ms", "10");
        config.put("batch.size", "262144");
        config.put("acks", "all");
        String[] channels = {"search", "social", "email", "display", "affiliate"};
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < touchpoints; i++) {
                String userId = "bench-user-" + (i % 50_000);
                String envelope = """
                        {"id":"%s","type":"TouchpointObserved","version":1,"source":"bench",\
                        "time":"2026-11-25T10:00:00Z","subject":"customer:%s","data":{"userId":"%s",\
                        "occurredAt":"2020-01-01T00:00:00Z","channel":"%s","campaign":"bench-%d",\
                        "interaction":"%s","cost":0.85,"currency":"EUR"}}""".formatted(UUID.randomUUID(), userId,
                        userId, channels[i % channels.length], i % 20, i % 3 == 0 ? "click" : "impression");
                producer.send(new ProducerRecord<>("mops.ingest.touchpoints", "customer:" + userId, envelope));
                produced.incrementAndGet();
            }
            producer.flush();
            System.out.printf("produced %d touchpoints in %.1f s%n", touchpoints, seconds(start));
        }
    }

    private static long count(Connection db) throws Exception {
        try (ResultSet rows = db.createStatement().executeQuery("select count(*) from touchpoint")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
