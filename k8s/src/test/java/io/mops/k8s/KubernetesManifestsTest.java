package io.mops.k8s;

import io.mops.common.events.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * There is no cluster on the development machines, so the manifests are checked the way a cluster would read
 * them — rendered by kustomize — and against the code they deploy: ports, probes, configuration keys, topics.
 */
class KubernetesManifestsTest {

    static final List<String> MODULES = List.of("gateway", "attribution-service", "budget-service", "testing-service",
            "qa-service", "approval-service");
    static final Pattern VARIABLE = Pattern.compile("\\$\\{(MOPS_[A-Z_]+)(:[^}]*)?}");

    static Path root;

    @BeforeAll
    static void findRepository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("k8s/base/kustomization.yaml"))) {
            dir = dir.getParent();
        }
        assertNotNull(dir, "repository root not found");
        root = dir;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceRunsOnTheSamePortAndProbesAsItsCode(String overlay) throws Exception {
        Map<String, Map<String, Object>> deployments = byKind(render(overlay), "Deployment");
        Map<String, Map<String, Object>> services = byKind(render(overlay), "Service");
        for (String module : MODULES) {
            Map<String, Object> deployment = deployments.get(module);
            assertNotNull(deployment, overlay + ": no Deployment for " + module);
            Map<String, Object> container = firstContainer(deployment);
            int codePort = Integer.parseInt(properties(module).getProperty("quarkus.http.port"));
            Map<String, Object> port = list(container.get("ports")).getFirst();
            assertEquals(codePort, port.get("containerPort"), module + " listens on quarkus.http.port");
            assertEquals("/q/health/live", probePath(container, "livenessProbe"), module);
            assertEquals("/q/health/ready", probePath(container, "readinessProbe"), module);
            assertEquals("/q/health/started", probePath(container, "startupProbe"), module);

            Map<String, Object> service = services.get(module);
            assertNotNull(service, overlay + ": no Service for " + module);
            Map<String, Object> servicePort = list(map(service.get("spec")).get("ports")).getFirst();
            assertEquals(codePort, servicePort.get("port"), module + " Service port");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyVariableTheServicesReadIsProvided(String overlay) throws Exception {
        List<Map<String, Object>> docs = render(overlay);
        Set<String> provided = new HashSet<>();
        for (String kind : List.of("ConfigMap", "Secret")) {
            for (Map<String, Object> doc : byKind(docs, kind).values()) {
                Object data = doc.containsKey("stringData") ? doc.get("stringData") : doc.get("data");
                provided.addAll(map(data).keySet());
            }
        }
        Set<String> read = new TreeSet<>();
        read.addAll(variables(root.resolve("common/src/main/resources/META-INF/microprofile-config.properties")));
        for (String module : MODULES) {
            read.addAll(variables(root.resolve(module + "/src/main/resources/application.properties")));
        }
        read.removeAll(provided);
        assertTrue(read.isEmpty(), overlay + ": variables read by the services but set nowhere: " + read);
    }

    @Test
    void topicsJobCreatesExactlyTheLocalTopicsWithTheirPartitions() throws Exception {
        Map<String, Integer> local = localTopics();
        Map<String, Integer> job = new LinkedHashMap<>();
        Map<String, Object> topicsJob = byKind(render("prod"), "Job").get("kafka-topics");
        String script = String.join("\n", ((List<?>) firstContainer(topicsJob).get("args")).stream().map(Object::toString).toList());
        Matcher create = Pattern.compile("(?m)^\\s*create (\\S+) (\\d+)$").matcher(script);
        while (create.find()) {
            job.put(create.group(1), Integer.parseInt(create.group(2)));
        }
        assertEquals(local, job);
    }

    @Test
    void everyTopicTheCodeNamesExists() throws Exception {
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
                    // The deployments set no MOPS_TOPIC_PREFIX: the name the cluster sees is the one after the prefix.
                    String topic = value.toString().replace("${mops.topic-prefix:}", "");
                    assertTrue(local.containsKey(topic), module + " " + key + " = " + value + " is not created");
                }
            });
        }
    }

    @Test
    void productionSurvivesADrainedNode() throws Exception {
        List<Map<String, Object>> docs = render("prod");
        Map<String, Map<String, Object>> budgets = byKind(docs, "PodDisruptionBudget");
        byKind(docs, "Deployment").forEach((name, deployment) -> {
            assertEquals(2, map(deployment.get("spec")).get("replicas"), name + " replicas");
            assertTrue(budgets.containsKey(name), name + " has a PodDisruptionBudget");
        });
    }

    // --- reading

    static List<Map<String, Object>> render(String overlay) throws IOException, InterruptedException {
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", root.resolve("k8s/overlays/" + overlay).toString())
                .redirectErrorStream(true).start();
        String yaml = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(kubectl.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize did not finish");
        assertEquals(0, kubectl.exitValue(), "kubectl kustomize failed: " + yaml);
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(new StringReader(yaml))) {
            if (doc != null) {
                docs.add(map(doc));
            }
        }
        return docs;
    }

    static Map<String, Map<String, Object>> byKind(List<Map<String, Object>> docs, String kind) {
        Map<String, Map<String, Object>> found = new HashMap<>();
        for (Map<String, Object> doc : docs) {
            if (kind.equals(doc.get("kind"))) {
                found.put((String) map(doc.get("metadata")).get("name"), doc);
            }
        }
        return found;
    }

    static Map<String, Object> firstContainer(Map<String, Object> workload) {
        Map<String, Object> podSpec = map(map(map(workload.get("spec")).get("template")).get("spec"));
        return list(podSpec.get("containers")).getFirst();
    }

    static String probePath(Map<String, Object> container, String probe) {
        return (String) map(map(container.get(probe)).get("httpGet")).get("path");
    }

    static Properties properties(String module) throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(root.resolve(module + "/src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    static Set<String> variables(Path file) throws IOException {
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(file)) {
            if (onlyOutsideTheCluster(line.strip())) {
                continue;
            }
            Matcher m = VARIABLE.matcher(line);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The cluster runs the prod profile: keys of the dev, test and sim profiles never read a variable there. */
    static boolean onlyOutsideTheCluster(String line) {
        if (!line.startsWith("%")) {
            return false;
        }
        String profiles = line.substring(1, line.indexOf('.') < 0 ? 1 : line.indexOf('.'));
        return !List.of(profiles.split(",")).contains("prod");
    }

    static Map<String, Integer> localTopics() throws IOException {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (String line : Files.readAllLines(root.resolve("infra/kafka/topics"))) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                String[] parts = trimmed.split("\\s+");
                topics.put(parts[0], Integer.parseInt(parts[1]));
            }
        }
        return topics;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }
}
