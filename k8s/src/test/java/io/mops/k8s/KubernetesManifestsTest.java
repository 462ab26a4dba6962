package io.mops.k8s;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.mops.k8s.Manifests.MODULES;
import static io.mops.k8s.Manifests.ROOT;
import static io.mops.k8s.Manifests.byKind;
import static io.mops.k8s.Manifests.firstContainer;
import static io.mops.k8s.Manifests.httpPort;
import static io.mops.k8s.Manifests.list;
import static io.mops.k8s.Manifests.map;
import static io.mops.k8s.Manifests.podSpec;
import static io.mops.k8s.Manifests.render;
import static io.mops.k8s.Manifests.spec;
import static io.mops.k8s.Manifests.usesCommon;
import static io.mops.k8s.Manifests.variables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The services' Deployments against their code: ports, probes, configuration, pod security, replicas. */
class KubernetesManifestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceRunsOnTheSamePortAndProbesAsItsCode(String overlay) {
        Map<String, Map<String, Object>> deployments = byKind(render(overlay), "Deployment");
        Map<String, Map<String, Object>> services = byKind(render(overlay), "Service");
        for (String module : MODULES) {
            Map<String, Object> deployment = deployments.get(module);
            assertNotNull(deployment, overlay + ": no Deployment for " + module);
            Map<String, Object> container = firstContainer(deployment);
            Map<String, Object> port = list(container.get("ports")).getFirst();
            assertEquals(httpPort(module), port.get("containerPort"), module + " listens on quarkus.http.port");
            assertEquals("/q/health/live", probePath(container, "livenessProbe"), module);
            assertEquals("/q/health/ready", probePath(container, "readinessProbe"), module);
            assertEquals("/q/health/started", probePath(container, "startupProbe"), module);

            Map<String, Object> service = services.get(module);
            assertNotNull(service, overlay + ": no Service for " + module);
            Map<String, Object> servicePort = list(spec(service).get("ports")).getFirst();
            assertEquals(httpPort(module), servicePort.get("port"), module + " Service port");
        }
    }

    /** Each service gets what it reads, and only its own credentials (no shared database or Kafka login). */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyVariableAServiceReadsIsGivenToItsDeployment(String overlay) {
        List<Map<String, Object>> docs = render(overlay);
        Map<String, Set<String>> keysOf = new java.util.HashMap<>();
        for (String kind : List.of("ConfigMap", "Secret")) {
            byKind(docs, kind).forEach((name, doc) -> {
                Object data = doc.containsKey("stringData") ? doc.get("stringData") : doc.get("data");
                keysOf.put(kind + "/" + name, data == null ? Set.of() : map(data).keySet());
            });
        }
        for (String module : MODULES) {
            Map<String, Object> container = firstContainer(byKind(docs, "Deployment").get(module));
            Set<String> provided = new HashSet<>();
            for (Map<String, Object> source : list(container.getOrDefault("envFrom", List.of()))) {
                String ref = source.containsKey("configMapRef")
                        ? "ConfigMap/" + map(source.get("configMapRef")).get("name")
                        : "Secret/" + map(source.get("secretRef")).get("name");
                assertTrue(keysOf.containsKey(ref), module + " reads " + ref + ", which the overlay does not define");
                provided.addAll(keysOf.get(ref));
            }
            for (Map<String, Object> env : list(container.getOrDefault("env", List.of()))) {
                provided.add((String) env.get("name"));
                if (env.containsKey("valueFrom")) {
                    Map<String, Object> secretRef = map(map(env.get("valueFrom")).get("secretKeyRef"));
                    String secret = (String) secretRef.get("name");
                    if (secret.startsWith("mops-pg-")) {
                        assertEquals("mops-pg-" + module, secret, module + " logs in to PostgreSQL as itself");
                    }
                }
            }
            Set<String> read = new TreeSet<>(variables(ROOT.resolve(module + "/src/main/resources/application.properties")));
            if (usesCommon(module)) {
                read.addAll(variables(ROOT.resolve("common/src/main/resources/META-INF/microprofile-config.properties")));
            }
            read.removeAll(provided);
            assertTrue(read.isEmpty(), overlay + ": " + module + " reads variables its Deployment does not set: " + read);
        }
        for (String shared : List.of("Secret/mops-platform-credentials", "ConfigMap/mops-platform")) {
            assertTrue(keysOf.get(shared).stream().noneMatch(k -> k.startsWith("MOPS_PG_USER") || k.startsWith("MOPS_PG_PASSWORD")
                    || k.contains("JAAS")), shared + " must not hold a login every service would share");
        }
    }

    /** What the namespace's "restricted" Pod Security Standard demands, and no API token where none is used. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyPodIsRestrictedAndHasNoServiceAccountToken(String overlay) {
        List<Map<String, Object>> docs = render(overlay);
        Map<String, Object> namespace = byKind(docs, "Namespace").get("mops");
        assertEquals("restricted", map(map(namespace.get("metadata")).get("labels")).get("pod-security.kubernetes.io/enforce"));
        byKind(docs, "Deployment").forEach((name, deployment) -> {
            Map<String, Object> pod = podSpec(deployment);
            assertEquals(false, pod.get("automountServiceAccountToken"), name);
            Map<String, Object> podSecurity = map(pod.get("securityContext"));
            assertEquals(true, podSecurity.get("runAsNonRoot"), name);
            assertEquals("RuntimeDefault", map(podSecurity.get("seccompProfile")).get("type"), name);
            for (Map<String, Object> container : list(pod.get("containers"))) {
                Map<String, Object> security = map(container.get("securityContext"));
                assertEquals(false, security.get("allowPrivilegeEscalation"), name);
                assertEquals(true, security.get("readOnlyRootFilesystem"), name);
                assertEquals(List.of("ALL"), map(security.get("capabilities")).get("drop"), name);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod"})
    void productionSurvivesADrainedNode(String overlay) {
        List<Map<String, Object>> docs = render(overlay);
        Map<String, Map<String, Object>> budgets = byKind(docs, "PodDisruptionBudget");
        byKind(docs, "Deployment").forEach((name, deployment) -> {
            assertEquals(2, spec(deployment).get("replicas"), name + " replicas");
            assertTrue(budgets.containsKey(name), name + " has a PodDisruptionBudget");
        });
        assertEquals(3, spec(byKind(docs, "KafkaNodePool").get("dual-role")).get("replicas"));
        assertEquals(3, spec(byKind(docs, "Cluster").get("mops-postgres")).get("instances"));
        byKind(docs, "KafkaTopic").forEach((name, topic) -> {
            assertEquals(3, spec(topic).get("replicas"), name);
            assertEquals(2, map(spec(topic).get("config")).get("min.insync.replicas"), name);
        });
    }

    /** Each service's database (mops.database) exists, owned by the service's own role, whose password it reads. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceOwnsItsDatabaseThroughItsOwnRole(String overlay) {
        List<Map<String, Object>> docs = render(overlay);
        Map<String, Object> cluster = spec(byKind(docs, "Cluster").get("mops-postgres"));
        Map<String, Map<String, Object>> roles = new java.util.HashMap<>();
        list(map(cluster.get("managed")).get("roles")).forEach(r -> roles.put((String) r.get("name"), r));
        Map<String, Map<String, Object>> databases = new java.util.HashMap<>();
        byKind(docs, "Database").values().forEach(d -> databases.put((String) spec(d).get("name"), spec(d)));
        Map<String, Map<String, Object>> secrets = byKind(docs, "Secret");
        for (String module : Manifests.KAFKA_SERVICES) {
            String database = Manifests.properties(module).getProperty("mops.database");
            Map<String, Object> declared = databases.get(database);
            assertNotNull(declared, overlay + ": no Database " + database + " for " + module);
            String role = (String) declared.get("owner");
            assertEquals("mops-postgres", map(declared.get("cluster")).get("name"));
            Map<String, Object> managed = roles.get(role);
            assertNotNull(managed, overlay + ": owner " + role + " of " + database + " is not a managed role");
            assertEquals(false, managed.get("superuser"), role);
            String secret = (String) map(managed.get("passwordSecret")).get("name");
            assertEquals("mops-pg-" + module, secret, role + " password");
            assertEquals(role, map(secrets.get(secret).get("stringData")).get("username"),
                    secret + " names the role the service logs in as");
        }
    }

    static String probePath(Map<String, Object> container, String probe) {
        return (String) map(map(container.get(probe)).get("httpGet")).get("path");
    }
}
