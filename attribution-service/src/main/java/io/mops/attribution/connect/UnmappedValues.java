package io.mops.attribution.connect;

import io.mops.common.problem.Problem;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The source / medium / campaign values of an import that no channel mapping rule matched, counted per value, so
 * that the answer tells the CoE which rules are missing rather than listing the same value on a thousand lines. At
 * most {@link #LISTED} distinct values are kept; beyond them only the count of lines grows.
 */
final class UnmappedValues {

    static final int LISTED = 100;

    private final Map<String, Long> counts = new LinkedHashMap<>();
    private long others;

    static String key(String source, String medium, String campaign) {
        return show(source) + " / " + show(medium) + " / " + show(campaign);
    }

    private static String show(String value) {
        return value == null ? "(not set)" : value;
    }

    void count(String key) {
        if (counts.containsKey(key) || counts.size() < LISTED) {
            counts.merge(key, 1L, Long::sum);
        } else {
            others++;
        }
    }

    /** Most frequent first; one violation per value. */
    List<Problem.Violation> violations() {
        List<Problem.Violation> listed = new java.util.ArrayList<>(counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Problem.Violation("unmapped[" + e.getKey() + "]", e.getValue()
                        + (e.getValue() == 1 ? " line matches" : " lines match") + " no channel mapping rule"))
                .toList());
        if (others > 0) {
            listed.add(new Problem.Violation("unmapped", others + " more lines of other values match no rule"));
        }
        return listed;
    }
}
