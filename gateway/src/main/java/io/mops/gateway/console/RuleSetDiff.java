package io.mops.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What changed between two versions of a QA rule set, field by field: every value added, removed or changed, with
 * its place in the document (rules are keyed by id, so a rule's severity reads {@code rules › email.unsubscribe-link
 * › severity}).
 * <p>
 * Objects are compared key by key; arrays of objects (claims, regimes) element by element at the same position; an
 * array of plain values (a channel's UTM media, a regime's countries) is one value, shown whole before and after.
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
