package io.mops.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.mops.k8s.Manifests.ROOT;
import static io.mops.k8s.Manifests.byKind;
import static io.mops.k8s.Manifests.list;
import static io.mops.k8s.Manifests.loadAll;
import static io.mops.k8s.Manifests.map;
import static io.mops.k8s.Manifests.read;
import static io.mops.k8s.Manifests.render;
import static io.mops.k8s.Manifests.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every custom resource is checked against the schema its operator publishes (vendored CRDs, see
 * src/test/resources/crds/README.md), as the API server would with strict field validation: a misspelt or
 * misplaced field is an error, not silently pruned.
 */
class CustomResourceSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonSchema> SCHEMAS = loadSchemas();

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyCustomResourceIsValidForItsOperator(String overlay) {
        int checked = 0;
        for (Map<String, Object> doc : render(overlay)) {
            String apiVersion = (String) doc.get("apiVersion");
            if (!apiVersion.contains(".") || apiVersion.startsWith("apps/") || apiVersion.contains("k8s.io/")) {
                continue;
            }
            String key = apiVersion + "/" + doc.get("kind");
            JsonSchema schema = SCHEMAS.get(key);
            assertNotNull(schema, overlay + ": no vendored schema for " + key + " (add its operator's CRD)");
            Set<ValidationMessage> errors = schema.validate(JSON.valueToTree(doc));
            assertTrue(errors.isEmpty(), overlay + ": " + key + " " + Manifests.name(doc) + ": " + errors);
            checked++;
        }
        assertTrue(checked >= 30, "expected the operators' resources, checked " + checked);
    }

    /** The check itself: a field the operator does not know, or a value of the wrong type, is refused. */
    @Test
    void aMisspeltOrMistypedFieldIsRefused() {
        Map<String, Object> topic = deepCopy(byKind(render("dev"), "KafkaTopic").values().iterator().next());
        JsonSchema schema = SCHEMAS.get("kafka.strimzi.io/v1/KafkaTopic");
        assertTrue(schema.validate(JSON.valueToTree(topic)).isEmpty());
        spec(topic).put("partition", 3);
        assertFalse(schema.validate(JSON.valueToTree(topic)).isEmpty(), "unknown field 'partition' accepted");
        spec(topic).remove("partition");
        spec(topic).put("partitions", "six");
        assertFalse(schema.validate(JSON.valueToTree(topic)).isEmpty(), "string partitions accepted");
    }

    @Test
    void kafkaRunsAVersionTheOperatorSupports() {
        Map<String, Object> kafka = map(spec(byKind(render("prod"), "Kafka").get("mops")).get("kafka"));
        List<Map<String, Object>> versions = list(new org.yaml.snakeyaml.Yaml()
                .load(read(crds().resolve("strimzi-kafka-versions.yaml"))));
        boolean supported = versions.stream().anyMatch(v -> kafka.get("version").equals(v.get("version"))
                && Boolean.TRUE.equals(v.get("supported")) && kafka.get("metadataVersion").equals(v.get("metadata")));
        assertTrue(supported, "Strimzi does not support Kafka " + kafka.get("version") + "/" + kafka.get("metadataVersion"));
    }

    /**
     * The production realm is the local one without the demo people, their passwords and the password-grant client,
     * with every client secret taken from a Secret: re-derived here from infra/keycloak/mops-realm.json.
     */
    @Test
    void theProductionRealmIsTheLocalOneWithoutItsDemoParts() throws IOException {
        Map<String, Object> imported = byKind(render("prod"), "KeycloakRealmImport").get("mops");
        Map<String, Object> realm = map(spec(imported).get("realm"));
        Map<String, Object> local = map(JSON.readValue(ROOT.resolve("infra/keycloak/mops-realm.json").toFile(), Map.class));

        List<Map<String, Object>> localUsers = list(local.get("users"));
        List<Object> serviceAccounts = localUsers.stream().filter(u -> u.get("serviceAccountClientId") != null)
                .map(u -> (Object) u.get("username")).toList();
        assertEquals(serviceAccounts, list(realm.get("users")).stream().map(u -> u.get("username")).toList());
        assertTrue(list(realm.get("users")).stream().noneMatch(u -> u.containsKey("credentials")), "no passwords");
        for (String same : List.of("roles", "groups", "components")) {
            assertEquals(JSON.valueToTree(local.get(same)), JSON.valueToTree(realm.get(same)), same);
        }
        assertEquals("all", realm.get("sslRequired"));

        Map<String, Object> placeholders = map(spec(imported).get("placeholders"));
        Map<String, Map<String, Object>> clients = new TreeMap<>();
        list(realm.get("clients")).forEach(c -> clients.put((String) c.get("clientId"), c));
        Map<String, Map<String, Object>> localClients = new TreeMap<>();
        list(local.get("clients")).forEach(c -> localClients.put((String) c.get("clientId"), c));
        localClients.remove("mops-cli");
        assertEquals(localClients.keySet(), clients.keySet(), "the local clients but the password-grant one");
        Map<String, Map<String, Object>> secrets = byKind(render("prod"), "Secret");
        clients.forEach((id, client) -> {
            Map<String, Object> expected = new HashMap<>(localClients.get(id));
            Map<String, Object> actual = new HashMap<>(client);
            if (expected.containsKey("secret")) {
                Matcher placeholder = Pattern.compile("\\$\\{(\\w+)}").matcher((String) actual.get("secret"));
                assertTrue(placeholder.matches(), id + " secret must be a placeholder, not a value");
                Map<String, Object> ref = map(map(placeholders.get(placeholder.group(1))).get("secret"));
                Map<String, Object> secret = secrets.get((String) ref.get("name"));
                assertNotNull(secret, id + ": placeholder " + placeholder.group(1) + " names no Secret");
                assertTrue(map(secret.get("stringData")).containsKey((String) ref.get("key")), id);
                expected.remove("secret");
                actual.remove("secret");
            }
            if (id.equals("mops-gateway")) {
                assertEquals(List.of("https://mops.example.com/*"), actual.remove("redirectUris"));
                assertEquals("https://mops.example.com", actual.remove("rootUrl"));
                expected.remove("redirectUris");
                expected.remove("rootUrl");
                // Keycloak posts back-channel logout tokens to the gateway's Service inside the cluster.
                Map<String, Object> attributes = new HashMap<>(map(actual.get("attributes")));
                assertEquals("http://gateway:8080/back-channel-logout", attributes.remove("backchannel.logout.url"));
                actual.put("attributes", attributes);
                Map<String, Object> localAttributes = new HashMap<>(map(expected.get("attributes")));
                assertEquals("http://localhost:8080/back-channel-logout",
                        localAttributes.remove("backchannel.logout.url"));
                expected.put("attributes", localAttributes);
            }
            assertEquals(JSON.valueToTree(expected), JSON.valueToTree(actual), id);
        });
    }

    // --- the schemas

    private static Path crds() {
        return ROOT.resolve("k8s/src/test/resources/crds");
    }

    private static Map<String, JsonSchema> loadSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        Map<String, JsonSchema> schemas = new HashMap<>();
        try (Stream<Path> files = Files.list(crds())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("strimzi-kafka-versions.yaml")).toList()) {
                for (Map<String, Object> doc : loadAll(read(file))) {
                    if (!"CustomResourceDefinition".equals(doc.get("kind"))) {
                        continue;
                    }
                    String group = (String) spec(doc).get("group");
                    String kind = (String) map(spec(doc).get("names")).get("kind");
                    for (Map<String, Object> version : list(spec(doc).get("versions"))) {
                        if (Boolean.TRUE.equals(version.get("served"))) {
                            ObjectNode schema = (ObjectNode) JSON.valueToTree(
                                    map(version.get("schema")).get("openAPIV3Schema"));
                            // The API server always knows these three, whether the CRD lists them or not.
                            ObjectNode root = schema.with("properties");
                            root.putObject("apiVersion").put("type", "string");
                            root.putObject("kind").put("type", "string");
                            if (!root.has("metadata")) {
                                root.putObject("metadata").put("type", "object");
                            }
                            strict(schema);
                            schemas.put(group + "/" + version.get("name") + "/" + kind, factory.getSchema(schema));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schemas;
    }

    /** What the API server's strict field validation does: an object's unlisted fields are errors. */
    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            strict(children.next());
        }
    }

    private static Map<String, Object> deepCopy(Map<String, Object> doc) {
        return map(JSON.convertValue(doc, Map.class));
    }
}
