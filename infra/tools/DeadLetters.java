import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.FileReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dead-letter topic for the CoE: list, inspect and replay dead letters after the cause is fixed.
 * <p>
 * Run by {@code ./mops dlq ...} as a single-file program on the Kafka distribution's own client library, so it needs
 * no build. A replay sends the dead letter's key and value back to the topic it came from (its
 * {@code dead-letter-topic} header), with a {@code replayed-from} header naming the dead letter; every consumer
 * applies events once by event id, so a replay is applied like any redelivery: once if it now succeeds, not at all
 * if it was applied already, dead-lettered again with its reason if it still cannot be applied.
 * <pre>
 *   DeadLetters list   [--from-topic T] [--reason TEXT] [--limit N]
 *   DeadLetters show   PARTITION:OFFSET
 *   DeadLetters replay PARTITION:OFFSET... | --all [--from-topic T] [--reason TEXT]
 * options: --bootstrap HOST:PORT (or $MOPS_KAFKA_BOOTSTRAP) --dlq TOPIC (default mops.dlq)
 *          --command-config FILE (client properties, for instance SASL/TLS in a cluster)
 * </pre>
 */
public class DeadLetters {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]*)\"");

    record Options(String command, List<String> positions, boolean all, String fromTopic, String reason, int limit,
                   Properties client, String dlq) {
    }

    public static void main(String[] args) throws IOException {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("dlq: " + e.getMessage());
            System.err.println("usage: dlq list [--from-topic T] [--reason TEXT] [--limit N] | show P:O"
                    + " | replay P:O... | replay --all [--from-topic T] [--reason TEXT]");
            System.exit(2);
            return;
        }
        List<ConsumerRecord<String, String>> letters = read(options);
        switch (options.command()) {
            case "list" -> list(letters, options);
            case "show" -> show(letters, options);
            case "replay" -> replay(letters, options);
            default -> throw new IllegalStateException(options.command());
        }
    }

    static Options parse(String[] args) throws IOException {
        if (args.length == 0) {
            throw new IllegalArgumentException("a command is needed");
        }
        String command = args[0];
        if (!Set.of("list", "show", "replay").contains(command)) {
            throw new IllegalArgumentException("unknown command " + command);
        }
        List<String> positions = new ArrayList<>();
        boolean all = false;
        String fromTopic = null;
        String reason = null;
        int limit = 50;
        String bootstrap = System.getenv("MOPS_KAFKA_BOOTSTRAP");
        String dlq = "mops.dlq";
        Properties client = new Properties();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--all" -> all = true;
                case "--from-topic" -> fromTopic = value(args, ++i);
                case "--reason" -> reason = value(args, ++i);
                case "--limit" -> limit = Integer.parseInt(value(args, ++i));
                case "--bootstrap" -> bootstrap = value(args, ++i);
                case "--dlq" -> dlq = value(args, ++i);
                case "--command-config" -> {
                    try (FileReader reader = new FileReader(value(args, ++i), StandardCharsets.UTF_8)) {
                        client.load(reader);
                    }
                }
                default -> {
                    if (!args[i].matches("\\d+:\\d+")) {
                        throw new IllegalArgumentException("not a PARTITION:OFFSET: " + args[i]);
                    }
                    positions.add(args[i]);
                }
            }
        }
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new IllegalArgumentException("no Kafka: pass --bootstrap or set MOPS_KAFKA_BOOTSTRAP");
        }
        if (command.equals("show") && positions.size() != 1) {
            throw new IllegalArgumentException("show takes one PARTITION:OFFSET");
        }
        if (command.equals("replay") && positions.isEmpty() == !all) {
            throw new IllegalArgumentException("replay takes PARTITION:OFFSET... or --all, not both");
        }
        client.putIfAbsent("bootstrap.servers", bootstrap);
        return new Options(command, positions, all, fromTopic, reason, limit, client, dlq);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    /** Every dead letter there is now, oldest first per partition; reads to the end offsets, then stops. */
    static List<ConsumerRecord<String, String>> read(Options options) {
        Properties props = new Properties();
        props.putAll(options.client());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> letters = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(options.dlq(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("no topic " + options.dlq());
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + options.dlq() + " to its end within 2 minutes");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        letters.add(record);
                    }
                }
            }
        }
        return letters;
    }

    private static List<ConsumerRecord<String, String>> selected(List<ConsumerRecord<String, String>> letters,
                                                                 Options options) {
        if (!options.positions().isEmpty()) {
            Set<String> wanted = new LinkedHashSet<>(options.positions());
            List<ConsumerRecord<String, String>> found = letters.stream()
                    .filter(r -> wanted.contains(position(r))).toList();
            if (found.size() != wanted.size()) {
                Set<String> missing = new LinkedHashSet<>(wanted);
                found.forEach(r -> missing.remove(position(r)));
                throw new IllegalArgumentException("no dead letter at " + String.join(", ", missing));
            }
            return found;
        }
        return letters.stream()
                .filter(r -> options.fromTopic() == null || options.fromTopic().equals(header(r, "dead-letter-topic")))
                .filter(r -> options.reason() == null || header(r, "dead-letter-reason").contains(options.reason()))
                .toList();
    }

    private static void list(List<ConsumerRecord<String, String>> letters, Options options) {
        List<ConsumerRecord<String, String>> shown = selected(letters, options).stream()
                .sorted(java.util.Comparator.comparingLong(ConsumerRecord::timestamp)).toList();
        System.out.printf("%-12s %-24s %-32s %-36s %-26s %s%n", "position", "dead-lettered at", "from topic",
                "event id", "type", "reason");
        shown.stream().skip(Math.max(0, shown.size() - options.limit())).forEach(r -> System.out.printf(
                "%-12s %-24s %-32s %-36s %-26s %s%n", position(r), Instant.ofEpochMilli(r.timestamp()),
                header(r, "dead-letter-topic"), match(ID, r.value()), match(TYPE, r.value()),
                oneLine(header(r, "dead-letter-reason"), 120)));
        System.out.printf("%d dead letter(s) in %s%s%n", shown.size(), options.dlq(),
                shown.size() > options.limit() ? ", the last " + options.limit() + " shown (--limit)" : "");
    }

    private static void show(List<ConsumerRecord<String, String>> letters, Options options) {
        ConsumerRecord<String, String> letter = selected(letters, options).get(0);
        System.out.println("position: " + position(letter));
        System.out.println("dead-lettered at: " + Instant.ofEpochMilli(letter.timestamp()));
        System.out.println("key: " + letter.key());
        for (Header header : letter.headers()) {
            System.out.println(header.key() + ": " + new String(header.value(), StandardCharsets.UTF_8));
        }
        System.out.println("value:");
        System.out.println(letter.value());
    }

    private static void replay(List<ConsumerRecord<String, String>> letters, Options options) {
        List<ConsumerRecord<String, String>> chosen = selected(letters, options);
        Properties props = new Properties();
        props.putAll(options.client());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        int replayed = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (ConsumerRecord<String, String> letter : chosen) {
                String topic = header(letter, "dead-letter-topic");
                if (topic.isEmpty()) {
                    System.err.println("skipped " + position(letter) + ": it does not say which topic it came from");
                    continue;
                }
                RecordHeaders headers = new RecordHeaders();
                headers.add("replayed-from", (options.dlq() + "/" + position(letter)).getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(topic, null, letter.key(), letter.value(), headers)).get();
                System.out.println("replayed " + position(letter) + " to " + topic + " (event " + match(ID, letter.value())
                        + ")");
                replayed++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Kafka refused the replay: " + e.getCause().getMessage(), e.getCause());
        }
        System.out.println(replayed + " dead letter(s) replayed");
    }

    private static String position(ConsumerRecord<String, String> record) {
        return record.partition() + ":" + record.offset();
    }

    private static String header(ConsumerRecord<String, String> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null || header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String match(Pattern pattern, String value) {
        if (value == null) {
            return "";
        }
        Matcher matcher = pattern.matcher(value);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static String oneLine(String text, int max) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
