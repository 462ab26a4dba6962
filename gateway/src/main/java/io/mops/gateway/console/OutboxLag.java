package io.mops.gateway.console;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One service's event backlog as its {@code /q/metrics} tells it: committed events not yet published by its outbox
 * relay, the age of the oldest of them, and the messages it has dead-lettered since it started. A service that did
 * not answer is {@linkplain #unreachable unreachable}, never shown as having nothing pending.
 *
 * @param pending           {@code mops_outbox_pending_events}; null when the service does not expose it
 * @param oldestSeconds     {@code mops_outbox_oldest_pending_seconds}; null when the service does not expose it
 * @param deadLetters       the sum of {@code mops_dead_letters_total} over the topics (0 when none was counted yet)
 * @param problem           why the service is unreachable; null when it answered
 */
public record OutboxLag(String service, Long pending, Long oldestSeconds, long deadLetters, String problem) {

    static final String PENDING = "mops_outbox_pending_events";
    static final String OLDEST = "mops_outbox_oldest_pending_seconds";
    static final String DEAD_LETTERS = "mops_dead_letters_total";

    public boolean unreachable() {
        return problem != null;
    }

    static OutboxLag unreachable(String service, String problem) {
        return new OutboxLag(service, null, null, 0, problem);
    }

    /**
     * Reads the three figures from Prometheus' text exposition format. Only the sample lines of these three metrics
     * matter: comments and every other metric are skipped, and the samples of one metric with different labels
     * (dead letters per topic) are added up.
     */
    static OutboxLag of(String service, String exposition) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        for (String line : exposition.split("\n")) {
            String sample = line.strip();
            if (sample.isEmpty() || sample.startsWith("#")) {
                continue;
            }
            int labels = sample.indexOf('{');
            int space = sample.indexOf(' ');
            if (space < 0) {
                continue;
            }
            String name = sample.substring(0, labels >= 0 && labels < space ? labels : space);
            if (!name.equals(PENDING) && !name.equals(OLDEST) && !name.equals(DEAD_LETTERS)) {
                continue;
            }
            // The value follows the closing brace of the labels (which may hold spaces), then an optional timestamp.
            String rest = (labels >= 0 && labels < space ? sample.substring(sample.lastIndexOf('}') + 1) : sample
                    .substring(space)).strip();
            String value = rest.split("\\s+")[0];
            try {
                sums.merge(name, new BigDecimal(value), BigDecimal::add);
            } catch (NumberFormatException e) {
                // NaN or ±Inf: not a count, so not added
            }
        }
        return new OutboxLag(service, whole(sums.get(PENDING)), whole(sums.get(OLDEST)),
                sums.containsKey(DEAD_LETTERS) ? whole(sums.get(DEAD_LETTERS)) : 0, null);
    }

    private static Long whole(BigDecimal value) {
        return value == null ? null : value.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    /** The oldest pending event's age for people: "–" without one, else seconds, minutes or hours. */
    public String oldestAge() {
        if (oldestSeconds == null || pending == null || pending == 0) {
            return "–";
        }
        long s = oldestSeconds;
        return s < 120 ? s + " s" : s < 7200 ? (s / 60) + " min" : (s / 3600) + " h";
    }
}
