package io.mops.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed between two versions of a QA rule set, field by field: every value added, removed or changed, with
 * its place in the document (rules are keyed by id, so a rule's severity reads {@code rules › email.unsubscribe-link
 * › severity}).
 * <p>
 * Objects are compared key by key; arrays of objects (claims, regimes) element by element, matched by their key —
 * the first of {@code id}, {@code name}, {@code category}, {@code key} that every element of both versions has as
 * text, unique within each — so that reordering them changes nothing and a claim reads {@code claims › health ›
 * severity}; by position ({@code [2]}) only when the elements have no such key. An array of plain values (a channel's
 * UTM media, a regime's countries) is one value, shown whole before and after.
 * Hand-written rather than a JSON Patch library because the page needs each change's place, old and new value
 * together, and arrays of words read better whole than as index operations. The document's own version number is
 * left out: it always differs.
 */
public record RuleSetDiff(String name, int from, int to, List<Change> changes) {

    public enum Kind {
        ADDED("Added", "+"), REMOVED("Removed", "−"), CHANGED("Changed", "~");

        private final String label;
        private final String sign;

        Kind(String label, String sign) {
            this.label = label;
            this.sign = sign;
        }

        public String label() {
            return label;
        }

        public String sign() {
            return sign;
        }
    }

    /**
     * @param path   the field's place, outermost first: {@code ["rules", "plan.budget", "severity"]}
     * @param before its value in the older version, as JSON; {@code null} when added
     * @param after  its value in the newer version; {@code null} when removed
     */
    public record Change(Kind kind, List<String> path, String before, String after) {

        public String place() {
            return String.join(" › ", path);
        }
    }

    public static RuleSetDiff between(String name, int from, JsonNode older, int to, JsonNode newer) {
        List<Change> changes = new ArrayList<>();
        compare(new ArrayList<>(), older, newer, changes, true);
        return new RuleSetDiff(name, from, to, List.copyOf(changes));
    }

    private static void compare(List<String> path, JsonNode before, JsonNode after, List<Change> changes, boolean root) {
        if (before == null || before.isMissingNode()) {
            changes.add(new Change(Kind.ADDED, List.copyOf(path), null, after.toString()));
        } else if (after == null || after.isMissingNode()) {
            changes.add(new Change(Kind.REMOVED, List.copyOf(path), before.toString(), null));
        } else if (before.isObject() && after.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            before.fieldNames().forEachRemaining(keys::add);
            after.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                if (root && "version".equals(key)) {
                    continue;
                }
                path.add(key);
                compare(path, before.get(key), after.get(key), changes, false);
                path.removeLast();
            }
        } else if (objectArray(before) && objectArray(after)) {
            String key = sharedKey(before, after);
            if (key != null) {
                Map<String, JsonNode> older = byKey(before, key);
                Map<String, JsonNode> newer = byKey(after, key);
                // The older version's order, then what the newer one added in its order.
                LinkedHashSet<String> keys = new LinkedHashSet<>(older.keySet());
                keys.addAll(newer.keySet());
                for (String k : keys) {
                    path.add(k);
                    compare(path, older.get(k), newer.get(k), changes, false);
                    path.removeLast();
                }
                return;
            }
            for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
                path.add("[" + (i + 1) + "]");
                compare(path, i < before.size() ? before.get(i) : null, i < after.size() ? after.get(i) : null,
                        changes, false);
                path.removeLast();
            }
        } else if (!before.equals(after)) {
            changes.add(new Change(Kind.CHANGED, List.copyOf(path), before.toString(), after.toString()));
        }
    }

    /** The fields that identify an element of an array of objects, in the order they are tried. */
    private static final List<String> ELEMENT_KEYS = List.of("id", "name", "category", "key");

    /**
     * The field that identifies every element of both arrays (present as text, unique within each array), or
     * {@code null} when none does.
     */
    private static String sharedKey(JsonNode before, JsonNode after) {
        for (String key : ELEMENT_KEYS) {
            if (identifies(before, key) && identifies(after, key)) {
                return key;
            }
        }
        return null;
    }

    private static boolean identifies(JsonNode array, String key) {
        Set<String> seen = new HashSet<>();
        for (JsonNode element : array) {
            JsonNode value = element.get(key);
            if (value == null || !value.isTextual() || !seen.add(value.asText())) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, JsonNode> byKey(JsonNode array, String key) {
        Map<String, JsonNode> elements = new LinkedHashMap<>();
        array.forEach(element -> elements.put(element.get(key).asText(), element));
        return elements;
    }

    /** An array whose elements are objects, compared element by element. */
    private static boolean objectArray(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            return false;
        }
        for (JsonNode element : node) {
            if (!element.isObject()) {
                return false;
            }
        }
        return true;
    }

    public long count(Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).count();
    }

    public long added() {
        return count(Kind.ADDED);
    }

    public long removed() {
        return count(Kind.REMOVED);
    }

    public long changed() {
        return count(Kind.CHANGED);
    }
}
