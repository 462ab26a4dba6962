package io.mops.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.mops.k8s.Manifests.MODULES;
import static io.mops.k8s.Manifests.ROOT;
import static io.mops.k8s.Manifests.byKind;
import static io.mops.k8s.Manifests.list;
import static io.mops.k8s.Manifests.map;
import static io.mops.k8s.Manifests.read;
import static io.mops.k8s.Manifests.render;
import static io.mops.k8s.Manifests.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Alerts and dashboards watch metrics that exist, and every service is scraped and has its dashboard. */
class MonitoringTest {

    /** Meters the MOPS code registers (Micrometer names; Prometheus adds _total to counters). */
    private static final Pattern METER = Pattern.compile("(Gauge|Counter)\\.builder\\(\"([a-z.]+)\"");
    /**
     * Families Quarkus' Micrometer binders export on their own: HTTP server, JVM, and the Kafka clients' metrics
     * (quarkus.micrometer.binder.kafka, on by default with Kafka on the classpath).
     */
    private static final Set<String> FROM_QUARKUS = Set.of("http_server_requests_seconds_count",
            "http_server_requests_seconds_bucket", "jvm_memory_used_bytes", "process_cpu_usage",
            "kafka_consumer_fetch_manager_records_lag_max", "kafka_producer_topic_record_send_total");
    private static final Set<String> PROMQL = Set.of("sum", "max", "min", "avg", "by", "without", "rate", "increase",
            "histogram_quantile", "and", "or", "unless", "on", "ignoring");

    @Test
    void everyAlertAndPanelWatchesAMetricThatExists() {
        Set<String> exported = new TreeSet<>(FROM_QUARKUS);
        exported.addAll(codeMeters());
        List<String> expressions = new ArrayList<>();
        Map<String, Object> rule = byKind(render("prod"), "PrometheusRule").get("mops");
        for (Map<String, Object> group : list(spec(rule).get("groups"))) {
            list(group.get("rules")).forEach(r -> expressions.add((String) r.get("expr")));
        }
        dashboards().forEach(d -> d.path("panels").forEach(p -> p.path("targets")
                .forEach(t -> expressions.add(t.path("expr").asText()))));
        assertTrue(expressions.size() > 40, "expressions found: " + expressions.size());
        for (String expression : expressions) {
            Set<String> metrics = metricsIn(expression);
            assertFalse(metrics.isEmpty(), "no metric in " + expression);
            for (String metric : metrics) {
                assertTrue(exported.contains(metric), "'" + metric + "' in " + expression + " is exported by nothing");
            }
        }
    }

    @Test
    void everyServiceIsScrapedAndHasADashboard() {
        Map<String, Object> monitor = byKind(render("prod"), "ServiceMonitor").get("mops");
        Map<String, Object> selector = map(map(spec(monitor).get("selector")).get("matchLabels"));
        Map<String, Object> endpoint = list(spec(monitor).get("endpoints")).getFirst();
        assertEquals("/q/metrics", endpoint.get("path"));
        Set<String> titles = new TreeSet<>();
        dashboards().forEach(d -> titles.add(d.path("title").asText()));
        byKind(render("prod"), "Service").forEach((name, service) -> {
            Map<String, Object> labels = map(map(service.get("metadata")).get("labels"));
            selector.forEach((k, v) -> assertEquals(v, labels.get(k), name + " is not selected by the ServiceMonitor"));
            assertTrue(list(spec(service).get("ports")).stream().anyMatch(p -> endpoint.get("port").equals(p.get("name"))),
                    name + " has no port named " + endpoint.get("port"));
        });
        for (String module : MODULES) {
            assertTrue(titles.contains("MOPS / " + module), "no dashboard for " + module);
        }
        assertTrue(titles.contains("MOPS / the loop"));
        Map<String, Object> dashboards = byKind(render("prod"), "ConfigMap").get("mops-dashboards");
        assertEquals("1", map(map(dashboards.get("metadata")).get("labels")).get("grafana_dashboard"));
        assertEquals(MODULES.size() + 1, map(dashboards.get("data")).size());
    }

    static Set<String> metricsIn(String expression) {
        String bare = expression.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ").replaceAll("\"[^\"]*\"", " ");
        Set<String> metrics = new TreeSet<>();
        Matcher identifier = Pattern.compile("\\b[a-zA-Z_][a-zA-Z0-9_]*\\b").matcher(bare);
        while (identifier.find()) {
            if (!PROMQL.contains(identifier.group())) {
                metrics.add(identifier.group());
            }
        }
        return metrics;
    }

    static Set<String> codeMeters() {
        Set<String> names = new TreeSet<>();
        for (String module : Stream.concat(Stream.of("common"), MODULES.stream()).toList()) {
            try (Stream<Path> sources = Files.walk(ROOT.resolve(module + "/src/main/java"))) {
                sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                    Matcher m = METER.matcher(read(p));
                    while (m.find()) {
                        String name = m.group(2).replace('.', '_');
                        names.add(m.group(1).equals("Counter") ? name + "_total" : name);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    static List<JsonNode> dashboards() {
        List<JsonNode> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("k8s/base/monitoring/dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                found.add(new ObjectMapper().readTree(file.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
