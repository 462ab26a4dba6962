package io.mops.qa.rules.compliance;

import java.util.List;
import java.util.regex.Pattern;

final class Patterns {

    private Patterns() {
    }

    /** Rule-set patterns are matched the way people read copy: regardless of case, in any script. */
    static List<Pattern> compile(List<String> patterns) {
        return patterns.stream()
                .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .toList();
    }

    static boolean anyFinds(List<Pattern> patterns, String text) {
        return text != null && patterns.stream().anyMatch(p -> p.matcher(text).find());
    }
}
