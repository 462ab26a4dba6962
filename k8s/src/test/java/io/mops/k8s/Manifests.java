package io.mops.k8s;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rendered manifests and the code they deploy, read the way the checks need them. There is no cluster on the
 * development machines, so an overlay is rendered by {@code kubectl kustomize}, as {@code kubectl apply -k} would.
 */
final class Manifests {

    static final List<String> MODULES = List.of("gateway", "attribution-service", "budget-service", "testing-service",
            "qa-service", "approval-service");
    static final List<String> KAFKA_SERVICES = MODULES.subList(1, MODULES.size());
    static final Pattern VARIABLE = Pattern.compile("\\$\\{(MOPS_[A-Z_]+)(:[^}]*)?}");
    static final Path ROOT = findRepository();
    private static final Map<String, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

    private Manifests() {
    }

    private static Path findRepository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("k8s/base/kustomization.yaml"))) {
            dir = dir.getParent();
        }
        assertNotNull(dir, "repository root not found");
        return dir;
    }

    static List<Map<String, Object>> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> {
            try {
                Process kubectl = new ProcessBuilder("kubectl", "kustomize", ROOT.resolve("k8s/overlays/" + o).toString())
                        .redirectErrorStream(true).start();
                String yaml = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(kubectl.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize did not finish");
                assertEquals(0, kubectl.exitValue(), "kubectl kustomize failed: " + yaml);
                return List.copyOf(loadAll(yaml));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    static List<Map<String, Object>> loadAll(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(16 * 1024 * 1024);
        options.setNestingDepthLimit(500);
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml(options).loadAll(new StringReader(yaml))) {
            if (doc != null) {
                docs.add(map(doc));
            }
        }
        return docs;
    }

    static Map<String, Map<String, Object>> byKind(List<Map<String, Object>> docs, String kind) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        for (Map<String, Object> doc : docs) {
            if (kind.equals(doc.get("kind"))) {
                found.put(name(doc), doc);
            }
        }
        return found;
    }

    static String name(Map<String, Object> doc) {
        return (String) map(doc.get("metadata")).get("name");
    }

    static Map<String, Object> spec(Map<String, Object> doc) {
        return map(doc.get("spec"));
    }

    static Map<String, Object> podSpec(Map<String, Object> workload) {
        return map(map(spec(workload).get("template")).get("spec"));
    }

    static Map<String, Object> firstContainer(Map<String, Object> workload) {
        return list(podSpec(workload).get("containers")).getFirst();
    }

    static Properties properties(String module) {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(ROOT.resolve(module + "/src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    static int httpPort(String module) {
        return Integer.parseInt(properties(module).getProperty("quarkus.http.port"));
    }

    /** The MOPS_* variables a file reads in the profile the cluster runs (prod). */
    static Set<String> variables(Path file) {
        Set<String> names = new TreeSet<>();
        for (String line : readLines(file)) {
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

    static boolean usesCommon(String module) {
        return !module.equals("gateway");
    }

    /** Topics of infra/kafka/topics (what ./mops creates locally): name to partition count. */
    static Map<String, Integer> localTopics() {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (String line : readLines(ROOT.resolve("infra/kafka/topics"))) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                String[] parts = trimmed.split("\\s+");
                topics.put(parts[0], Integer.parseInt(parts[1]));
            }
        }
        return topics;
    }

    static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Object o) {
        return o == null ? List.of() : (List<String>) o;
    }
}
