package io.mops.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static io.mops.k8s.Manifests.byKind;
import static io.mops.k8s.Manifests.map;
import static io.mops.k8s.Manifests.render;
import static io.mops.k8s.Manifests.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes API's own resources, read into the API's types (fabric8's model of it): a field the API does
 * not have, or a value of the wrong type, is an error here as it is for {@code kubectl apply --validate=strict}.
 */
class CoreResourcesTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final Map<String, Class<?>> TYPES = Map.of(
            "v1/Namespace", Namespace.class, "v1/ConfigMap", ConfigMap.class, "v1/Secret", Secret.class,
            "v1/Service", Service.class, "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/Ingress", Ingress.class, "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyCoreResourceHasOnlyFieldsTheApiKnows(String overlay) {
        int checked = 0;
        for (Map<String, Object> doc : render(overlay)) {
            String apiVersion = (String) doc.get("apiVersion");
            boolean core = !apiVersion.contains(".") || apiVersion.contains("k8s.io/");
            if (!core) {
                continue;
            }
            String key = apiVersion + "/" + doc.get("kind");
            Class<?> type = TYPES.get(key);
            assertNotNull(type, overlay + ": no API type registered for " + key);
            List<String> unknown = unknownFields(JSON.convertValue(doc, type), key + " " + Manifests.name(doc));
            assertTrue(unknown.isEmpty(), overlay + ": " + unknown);
            checked++;
        }
        assertTrue(checked >= 30, "checked " + checked);
    }

    /** The check itself: misspelt fields and mistyped values are found. */
    @Test
    void aMisspeltFieldOrAMistypedValueIsFound() {
        Map<String, Object> policy = map(JSON.convertValue(byKind(render("dev"), "NetworkPolicy").get("gateway"), Map.class));
        assertTrue(unknownFields(JSON.convertValue(policy, NetworkPolicy.class), "as rendered").isEmpty());
        spec(policy).put("podSelectors", Map.of());
        List<String> unknown = unknownFields(JSON.convertValue(policy, NetworkPolicy.class), "policy");
        assertEquals(List.of("policy.spec: podSelectors"), unknown);
        spec(policy).remove("podSelectors");
        spec(policy).put("policyTypes", "Ingress");
        assertThrows(IllegalArgumentException.class, () -> JSON.convertValue(policy, NetworkPolicy.class));
        Map<String, Object> deployment = map(JSON.convertValue(byKind(render("dev"), "Deployment").get("gateway"), Map.class));
        spec(deployment).put("replicas", "two");
        assertThrows(IllegalArgumentException.class, () -> JSON.convertValue(deployment, Deployment.class));
    }

    /** Fields the model did not know land in each object's additionalProperties; collect them with their path. */
    static List<String> unknownFields(Object node, String path) {
        List<String> found = new ArrayList<>();
        walk(node, path, found);
        return found;
    }

    private static void walk(Object node, String path, List<String> found) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", found);
            }
            return;
        }
        if (node instanceof Map<?, ?> entries) {
            entries.forEach((k, v) -> walk(v, path + "." + k, found));
            return;
        }
        if (!node.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(k -> found.add(path + ": " + k));
                }
                continue;
            }
            String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            walk(value, path + "." + field, found);
        }
    }
}
