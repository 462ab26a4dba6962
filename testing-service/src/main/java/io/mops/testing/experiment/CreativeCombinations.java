package io.mops.testing.experiment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every combination of creative components (headline x image x call to action ...) as a variant, in a stable
 * order: the first component varies slowest.
 */
public final class CreativeCombinations {

    /** One generated variant: its key (the components' values, slugged) and the value of each component. */
    public record Combination(String key, Map<String, String> components) {
    }

    private static final int SLUG_LENGTH = 20;

    private CreativeCombinations() {
    }

    /** How many variants the components would make, without building them (to refuse huge products early). */
    public static long count(Map<String, List<String>> components) {
        long count = 1;
        for (List<String> values : components.values()) {
            count *= values.size();
            if (count > Integer.MAX_VALUE) {
                return Long.MAX_VALUE;
            }
        }
        return components.isEmpty() ? 0 : count;
    }

    public static List<Combination> of(Map<String, List<String>> components) {
        List<Map<String, String>> partial = List.of(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> component : components.entrySet()) {
            List<Map<String, String>> extended = new ArrayList<>();
            for (Map<String, String> prefix : partial) {
                for (String value : component.getValue()) {
                    Map<String, String> next = new LinkedHashMap<>(prefix);
                    next.put(component.getKey(), value);
                    extended.add(next);
                }
            }
            partial = extended;
        }
        List<Combination> combinations = new ArrayList<>(partial.size());
        Set<String> used = new HashSet<>();
        for (int i = 0; i < partial.size(); i++) {
            Map<String, String> values = partial.get(i);
            String key = String.join("_", values.values().stream().map(CreativeCombinations::slug).toList());
            // Values that slug alike ("Save 20%" and "save 20") still need distinct keys.
            if (key.length() > 80 || !used.add(key)) {
                key = "combination-" + (i + 1);
                used.add(key);
            }
            combinations.add(new Combination(key, java.util.Collections.unmodifiableMap(values)));
        }
        return combinations;
    }

    static String slug(String value) {
        String slug = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > SLUG_LENGTH) {
            slug = slug.substring(0, SLUG_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "x" : slug;
    }
}
