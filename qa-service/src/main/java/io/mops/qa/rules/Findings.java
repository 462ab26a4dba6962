package io.mops.qa.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Collects the findings of one review. Severity and whether a rule runs at all come from the rule set, so a check
 * only says what it saw; the rule set decides how much it matters.
 *
 * <p>A rule lists at most {@value #MAX_PER_RULE} findings; the rest are summed up in one more finding. Nobody reads
 * the 400th "click here", and a pathological creative must not turn into a response of hundreds of megabytes.
 */
public final class Findings {

    static final int MAX_PER_RULE = 25;

    private final RuleBook book;
    private final List<Finding> found = new ArrayList<>();
    private final Map<String, Integer> listed = new HashMap<>();
    private final Map<String, Finding> firstUnlisted = new LinkedHashMap<>();
    private final Map<String, Integer> unlisted = new HashMap<>();

    public Findings(RuleBook book) {
        this.book = book;
    }

    public boolean isEnabled(String ruleId) {
        return book.enabled(ruleId).isPresent();
    }

    public void report(String ruleId, Location location, String message, String fixHint) {
        report(ruleId, () -> location, message, fixHint);
    }

    /** For locations that cost something to work out (an element's path): only listed findings pay for it. */
    public void report(String ruleId, Supplier<Location> where, String message, String fixHint) {
        book.enabled(ruleId).ifPresent(setting -> add(ruleId, setting.severity(), where, message, fixHint));
    }

    /** For rules whose severity depends on what was found (e.g. the category of a claim), not only on the rule. */
    public void report(String ruleId, Severity severity, Supplier<Location> where, String message, String fixHint) {
        if (isEnabled(ruleId)) {
            add(ruleId, severity, where, message, fixHint);
        }
    }

    /** For checks that could not decide: the finding says so, and a person must look. */
    public void reportNeedsReview(String ruleId, Severity severity, Supplier<Location> where, String message,
                                  String fixHint) {
        if (isEnabled(ruleId)) {
            add(ruleId, severity, where, message, fixHint, true);
        }
    }

    private void add(String ruleId, Severity severity, Supplier<Location> where, String message, String fixHint) {
        add(ruleId, severity, where, message, fixHint, false);
    }

    private void add(String ruleId, Severity severity, Supplier<Location> where, String message, String fixHint,
                     boolean needsReview) {
        if (listed.merge(ruleId, 1, Integer::sum) <= MAX_PER_RULE) {
            found.add(new Finding(ruleId, book.name(), book.version(), severity, where.get(), message, fixHint,
                    needsReview));
        } else {
            if (!firstUnlisted.containsKey(ruleId)) {
                firstUnlisted.put(ruleId, new Finding(ruleId, book.name(), book.version(), severity, where.get(),
                        message, fixHint, needsReview));
            }
            unlisted.merge(ruleId, 1, Integer::sum);
        }
    }

    public List<Finding> inReportOrder() {
        List<Finding> all = new ArrayList<>(found);
        firstUnlisted.forEach((ruleId, first) -> all.add(new Finding(ruleId, book.name(), book.version(),
                first.severity(), first.location(), unlisted.get(ruleId) + " more findings of " + ruleId
                + " are not listed, starting here: " + first.message(), first.fixHint(), first.needsReview())));
        return all.stream().distinct().sorted(Finding.REPORT_ORDER).toList();
    }
}
