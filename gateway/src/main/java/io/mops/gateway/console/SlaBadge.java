package io.mops.gateway.console;

import java.time.Duration;
import java.time.Instant;

/**
 * How urgent a pending request is, from the time it was asked for and the time it is due. "Due soon" starts when a
 * quarter of the window is left (at most {@link #DUE_SOON_AT_MOST} before the deadline), so a two-day SLA warns half
 * a day ahead and a one-week SLA a day ahead rather than almost two.
 */
public enum SlaBadge {
    OVERDUE("Overdue"),
    DUE_SOON("Due soon"),
    ON_TRACK("On track"),
    NO_DEADLINE("No deadline");

    static final Duration DUE_SOON_AT_MOST = Duration.ofHours(24);

    private final String label;

    SlaBadge(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The CSS modifier of the badge: {@code overdue}, {@code due-soon}, … */
    public String css() {
        return name().toLowerCase().replace('_', '-');
    }

    public static SlaBadge of(Instant now, Instant requestedAt, Instant dueAt) {
        if (dueAt == null) {
            return NO_DEADLINE;
        }
        if (!now.isBefore(dueAt)) {
            return OVERDUE;
        }
        Duration window = requestedAt == null || !requestedAt.isBefore(dueAt)
                ? Duration.ZERO : Duration.between(requestedAt, dueAt);
        Duration warning = window.dividedBy(4);
        if (warning.compareTo(DUE_SOON_AT_MOST) > 0) {
            warning = DUE_SOON_AT_MOST;
        }
        return Duration.between(now, dueAt).compareTo(warning) <= 0 ? DUE_SOON : ON_TRACK;
    }
}
