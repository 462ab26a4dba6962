package io.mops.k8s;

import io.mops.common.events.Topics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.mops.k8s.Manifests.KAFKA_SERVICES;
import static io.mops.k8s.Manifests.MODULES;
import static io.mops.k8s.Manifests.ROOT;
import static io.mops.k8s.Manifests.byKind;
import static io.mops.k8s.Manifests.list;
import static io.mops.k8s.Manifests.localTopics;
import static io.mops.k8s.Manifests.map;
import static io.mops.k8s.Manifests.properties;
import static io.mops.k8s.Manifests.read;
import static io.mops.k8s.Manifests.render;
import static io.mops.k8s.Manifests.spec;
import static io.mops.k8s.Manifests.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Topics and least privilege on Kafka, derived from the code: what each service consumes (its incoming channels and
 * consumer group) and publishes (its outbox events' topics and its dead letters) must be exactly what its KafkaUser
 * may do — a topic or a grant added on one side only fails here.
 */
class KafkaAccessTest {

    private static final Pattern OUTBOX_EVENT = Pattern.compile("outbox\\.record\\(\\s*(\\w+)\\.TYPE|(\\w+)\\.TYPE\\.topic\\(\\)");
    private static final String PREFIX = "${mops.topic-prefix:}";
    private static final String DEAD_LETTERS = "mops.dlq";

    @Test
    void theTopicsAreTheLocalOnesWithTheirPartitions() {
        Map<String, Integer> declared = new TreeMap<>();
        byKind(render("prod"), "KafkaTopic").values()
                .forEach(t -> declared.put((String) spec(t).get("topicName"), (Integer) spec(t).get("partitions")));
        assertEquals(new TreeMap<>(localTopics()), declared);
    }

    @Test
    void everyTopicTheCodeNamesIsDeclared() throws IllegalAccessException {
        Map<String, Integer> local = localTopics();
        for (Field field : Topics.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String topic = (String) field.get(null);
                assertTrue(local.containsKey(topic), "Topics." + field.getName() + " = " + topic + " is not created");
            }
        }
        for (String module : MODULES) {
            properties(module).forEach((key, value) -> {
                if (key.toString().matches("mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.(topic|dead-letter-queue\\.topic)")) {
                    String topic = value.toString().replace(PREFIX, "");
                    assertTrue(local.containsKey(topic), module + " " + key + " = " + value + " is not created");
                }
            });
        }
    }

    /** A redelivery must come before a consumer forgets the event's id, or it would be applied twice. */
    @Test
    void noTopicKeepsMessagesLongerThanConsumersRememberThem() {
        Matcher m = Pattern.compile("@WithDefault\\(\"(P\\w+)\"\\)\\s+java\\.time\\.Duration processedEventRetention")
                .matcher(read(ROOT.resolve("common/src/main/java/io/mops/common/outbox/OutboxConfig.java")));
        assertTrue(m.find(), "mops.outbox.processed-event-retention default not found");
        long remembered = Duration.parse(m.group(1)).toMillis();
        byKind(render("prod"), "KafkaTopic").forEach((name, topic) -> {
            Object retention = map(spec(topic).get("config")).get("retention.ms");
            assertNotNull(retention, name + " states its retention");
            assertTrue(((Number) retention).longValue() < remembered, name + " keeps messages " + retention
                    + " ms, longer than consumers remember ids (" + m.group(1) + ")");
        });
    }

    @Test
    void eachServiceMayReadAndWriteExactlyWhatItsCodeDoes() {
        Map<String, Map<String, Object>> users = byKind(render("prod"), "KafkaUser");
        for (String module : KAFKA_SERVICES) {
            Map<String, Object> user = users.get(module);
            assertNotNull(user, "no KafkaUser " + module);
            assertEquals("scram-sha-512", map(spec(user).get("authentication")).get("type"), module);
            assertEquals(expectedGrants(module), grants(user), module + ": ACLs differ from what the code uses");
        }
        Map<String, Set<String>> ingest = grants(users.get("mops-ingest"));
        ingest.forEach((resource, operations) -> {
            assertTrue(resource.startsWith("topic:mops.ingest."), "mops-ingest may only reach ingest topics: " + resource);
            assertEquals(Set.of("Describe", "Write"), operations, resource);
        });
        assertEquals(localTopics().keySet().stream().filter(t -> t.startsWith("mops.ingest.")).count(), ingest.size());

        // The dead-letter tool reads mops.dlq and replays to exactly the topics some service consumes.
        Map<String, Set<String>> replay = new TreeMap<>();
        replay.put("topic:" + DEAD_LETTERS, Set.of("Describe", "Read"));
        KAFKA_SERVICES.stream().flatMap(module -> consumed(module).stream()).filter(t -> !t.equals(DEAD_LETTERS))
                .forEach(t -> replay.put("topic:" + t, Set.of("Describe", "Write")));
        assertEquals(replay, grants(users.get("mops-dlq")), "mops-dlq");
    }

    /** KEDA reads consumer lag and nothing else; every consumer scales on its real group, within its partitions. */
    @Test
    void lagScalingWatchesTheRealGroupsWithinTheirPartitions() {
        List<Map<String, Object>> docs = render("prod");
        grants(byKind(docs, "KafkaUser").get("mops-keda")).forEach((resource, operations) ->
                assertEquals(Set.of("Describe"), operations, "mops-keda on " + resource));
        Map<String, Map<String, Object>> scaled = byKind(docs, "ScaledObject");
        Map<String, Map<String, Object>> hpas = byKind(docs, "HorizontalPodAutoscaler");
        for (String module : KAFKA_SERVICES) {
            Map<String, Object> scaledObject = scaled.get(module);
            assertNotNull(scaledObject, "no ScaledObject for " + module);
            assertTrue(!hpas.containsKey(module), module + " must not have a second autoscaler besides KEDA's");
            int bound = consumed(module).stream().mapToInt(t -> localTopics().get(t)).min().orElseThrow();
            assertTrue(((Number) spec(scaledObject).get("maxReplicaCount")).intValue() <= bound, module);
            // One kafka trigger per consumer group the service reads with (budget-service has two).
            Set<Object> watched = list(spec(scaledObject).get("triggers")).stream()
                    .filter(t -> "kafka".equals(t.get("type")))
                    .map(t -> map(t.get("metadata")).get("consumerGroup")).collect(Collectors.toSet());
            assertEquals(Set.copyOf(groups(module)), watched, module);
        }
        for (String overlay : List.of("dev", "prod")) {
            byKind(render(overlay), "HorizontalPodAutoscaler").forEach((name, hpa) -> {
                int max = ((Number) spec(hpa).get("maxReplicas")).intValue();
                if (KAFKA_SERVICES.contains(name)) {
                    int bound = consumed(name).stream().mapToInt(t -> localTopics().get(t)).min().orElseThrow();
                    assertTrue(max <= bound, overlay + ": " + name + " scales to " + max + " > " + bound + " partitions");
                }
            });
        }
    }

    // --- what the code does

    static Map<String, Set<String>> expectedGrants(String module) {
        Map<String, Set<String>> expected = new TreeMap<>();
        consumed(module).forEach(t -> expected.put("topic:" + t, Set.of("Describe", "Read")));
        groups(module).forEach(g -> expected.put("group:" + g, Set.of("Read")));
        published(module).forEach(t -> expected.merge("topic:" + t, Set.of("Describe", "Write"), (a, b) -> {
            Set<String> both = new TreeSet<>(a);
            both.addAll(b);
            return both;
        }));
        return expected;
    }

    static Set<String> consumed(String module) {
        Set<String> topics = new TreeSet<>();
        properties(module).forEach((key, value) -> {
            if (key.toString().matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic")) {
                topics.add(value.toString().replace(PREFIX, ""));
            }
        });
        return topics;
    }

    static Set<String> groups(String module) {
        Set<String> groups = new TreeSet<>();
        properties(module).forEach((key, value) -> {
            if (key.toString().matches("mp\\.messaging\\.incoming\\.[^.]+\\.group\\.id")) {
                groups.add(value.toString());
            }
        });
        return groups;
    }

    static Set<String> published(String module) {
        Set<String> topics = new TreeSet<>();
        properties(module).forEach((key, value) -> {
            if (key.toString().matches("mp\\.messaging\\.(outgoing\\.[^.]+\\.topic|incoming\\.[^.]+\\.dead-letter-queue\\.topic)")) {
                topics.add(value.toString().replace(PREFIX, ""));
            }
        });
        try (Stream<Path> sources = Files.walk(ROOT.resolve(module + "/src/main/java"))) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                Matcher m = OUTBOX_EVENT.matcher(read(p));
                while (m.find()) {
                    topics.add(topicOf(m.group(1) != null ? m.group(1) : m.group(2)));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return topics;
    }

    /** The topic an event type is published on, as its record in common declares it. */
    static String topicOf(String event) {
        String source = read(ROOT.resolve("common/src/main/java/io/mops/common/events/" + event + ".java"));
        Matcher type = Pattern.compile("new EventType<>\\(\"\\w+\",\\s*\\d+,\\s*(?:Topics\\.(\\w+)|(TOPIC))").matcher(source);
        assertTrue(type.find(), event + ": no EventType declaration");
        String constant = type.group(1);
        if (constant == null) {
            Matcher own = Pattern.compile("TOPIC\\s*=\\s*Topics\\.(\\w+)").matcher(source);
            assertTrue(own.find(), event + ": TOPIC not found");
            constant = own.group(1);
        }
        try {
            return (String) Topics.class.getField(constant).get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(event + " names Topics." + constant, e);
        }
    }

    static Map<String, Set<String>> grants(Map<String, Object> user) {
        Map<String, Set<String>> grants = new TreeMap<>();
        Map<String, Object> authorization = map(spec(user).get("authorization"));
        assertEquals("simple", authorization.get("type"));
        for (Map<String, Object> acl : list(authorization.get("acls"))) {
            Map<String, Object> resource = map(acl.get("resource"));
            assertEquals("literal", resource.get("patternType"), "no prefix or wildcard grants: " + resource);
            String key = resource.get("type") + ":" + resource.get("name");
            Set<String> operations = new TreeSet<>(strings(acl.get("operations")));
            grants.merge(key, operations, (a, b) -> {
                Set<String> both = new TreeSet<>(a);
                both.addAll(b);
                return both;
            });
        }
        return grants;
    }

}
