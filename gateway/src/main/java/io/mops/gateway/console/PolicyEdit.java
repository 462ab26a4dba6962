package io.mops.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The thresholds of an approval policy's match as the CoE edits them in the console: the money at stake (above, up
 * to) and the requester's risk score (at least, below). Empty means "no such condition". Only the form's shape is
 * checked here (numbers, whole scores); every rule of a policy is approval-service's, whose violations are shown
 * next to the field they name ({@link #fieldOf(String)}).
 */
public record PolicyEdit(String amountAbove, String amountUpTo, String riskScoreAtLeast, String riskScoreBelow) {

    /** The form's fields, each also the name of the condition in the policy's {@code match}. */
    static final List<String> FIELDS = List.of("amountAbove", "amountUpTo", "riskScoreAtLeast", "riskScoreBelow");

    /** The thresholds of a policy document as they stand. */
    static PolicyEdit of(JsonNode policy) {
        JsonNode match = policy.path("match");
        return new PolicyEdit(text(match, "amountAbove"), text(match, "amountUpTo"), text(match, "riskScoreAtLeast"),
                text(match, "riskScoreBelow"));
    }

    /** What is wrong with the form by field; empty when it may be sent. */
    public Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        amount(amountAbove, "amountAbove", errors);
        amount(amountUpTo, "amountUpTo", errors);
        score(riskScoreAtLeast, "riskScoreAtLeast", errors);
        score(riskScoreBelow, "riskScoreBelow", errors);
        return errors;
    }

    /** A copy of {@code policy} with these thresholds; an empty one drops its condition. Only when errors() is empty. */
    ObjectNode applyTo(JsonNode policy) {
        ObjectNode copy = policy.deepCopy();
        ObjectNode match = copy.get("match") instanceof ObjectNode m ? m : copy.putObject("match");
        set(match, "amountAbove", amountAbove, true);
        set(match, "amountUpTo", amountUpTo, true);
        set(match, "riskScoreAtLeast", riskScoreAtLeast, false);
        set(match, "riskScoreBelow", riskScoreBelow, false);
        return copy;
    }

    /** The form field an approval-service violation names ({@code match.amountAbove}), or null. */
    static String fieldOf(String violation) {
        if (violation == null) {
            return null;
        }
        String name = violation.startsWith("match.") ? violation.substring("match.".length()) : violation;
        return FIELDS.contains(name) ? name : null;
    }

    /**
     * What changed from {@code before} to {@code after}, one line per leaf that differs ("match.amountAbove: 2500 →
     * 5000"), in path order; every leaf of {@code after} when there is no {@code before} (the first version).
     */
    static List<String> differences(JsonNode before, JsonNode after) {
        Map<String, String> was = new LinkedHashMap<>();
        Map<String, String> is = new LinkedHashMap<>();
        flatten("", before, was);
        flatten("", after, is);
        List<String> lines = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(was.keySet());
        paths.addAll(is.keySet());
        for (String path : paths) {
            String from = was.get(path);
            String to = is.get(path);
            if (from == null ? to != null : !from.equals(to)) {
                lines.add(path + ": " + (from == null ? "–" : from) + " → " + (to == null ? "–" : to));
            }
        }
        return lines;
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    /** Leaves by dotted path; arrays of scalars are one leaf ("[search, email]"), as a reader compares them. */
    private static void flatten(String prefix, JsonNode node, Map<String, String> leaves) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), leaves);
            }
        } else if (node.isArray() && allScalar(node)) {
            if (!node.isEmpty()) {
                leaves.put(prefix, texts(node).toString());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), leaves);
            }
        } else {
            leaves.put(prefix, node.isNumber() ? node.decimalValue().stripTrailingZeros().toPlainString()
                    : node.asText());
        }
    }

    private static boolean allScalar(JsonNode array) {
        for (JsonNode n : array) {
            if (n.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static String text(JsonNode match, String field) {
        JsonNode value = match.get(field);
        return value == null || value.isNull() ? "" : value.isNumber()
                ? value.decimalValue().stripTrailingZeros().toPlainString() : value.asText();
    }

    private static void amount(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            if (new BigDecimal(value.strip()).signum() < 0) {
                errors.put(field, "must not be negative");
            }
        } catch (NumberFormatException e) {
            errors.put(field, "a number, e.g. 2500 or 2500.50");
        }
    }

    private static void score(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "a whole number from 0 to 101");
        }
    }

    private static void set(ObjectNode match, String field, String value, boolean decimal) {
        if (value == null || value.isBlank()) {
            match.remove(field);
        } else if (decimal) {
            match.put(field, new BigDecimal(value.strip()));
        } else {
            match.put(field, Integer.parseInt(value.strip()));
        }
    }
}
