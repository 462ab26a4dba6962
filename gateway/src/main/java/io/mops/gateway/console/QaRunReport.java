package io.mops.gateway.console;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A QA run as the console shows it: every finding in qa-service's report order, with those the check could not
 * decide marked "Needs review" and the reason it gave, and who dismissed them. The CoE gets a dismissal form for each
 * needs-review finding still standing (qa-service only accepts dismissals from the CoE, and never of a block).
 */
public record QaRunReport(QaApi.Run run, List<Row> rows, boolean mayDismiss) {

    private static final String NEEDS_REVIEW_PREFIX = "needs review:";

    /**
     * @param index       the finding's position in the run (the dismissal names it)
     * @param location    the field, and inside HTML the element ({@code creatives.email.html @ html > body > a})
     * @param reviewNote  for a needs-review finding, why the check could not decide; otherwise null
     * @param dismissible whether this viewer may dismiss it now
     */
    public record Row(int index, String ruleId, String severity, String location, String message, String fixHint,
                      boolean needsReview, String reviewNote, QaApi.Dismissal dismissal, boolean dismissible) {

        public String label() {
            return needsReview ? "Needs review" : severity;
        }

        public boolean dismissed() {
            return dismissal != null;
        }
    }

    static QaRunReport of(QaApi.Run run, Viewer viewer) {
        List<QaApi.Finding> findings = run.findings();
        List<Row> rows = IntStream.range(0, findings.size()).mapToObj(i -> {
            QaApi.Finding f = findings.get(i);
            String location = f.element() == null ? f.field() : f.field() + " @ " + f.element();
            boolean dismissible = viewer.coe() && f.needsReview() && f.dismissal() == null
                    && !"block".equals(f.severity());
            return new Row(i, f.ruleId(), f.severity(), location, f.message(), f.fixHint(), f.needsReview(),
                    f.needsReview() ? reviewNote(f.message()) : null, f.dismissal(), dismissible);
        }).toList();
        return new QaRunReport(run, rows, viewer.coe());
    }

    /** The finding's message without its leading "needs review:", which the label already says. */
    static String reviewNote(String message) {
        if (message == null) {
            return "";
        }
        String trimmed = message.strip();
        return trimmed.regionMatches(true, 0, NEEDS_REVIEW_PREFIX, 0, NEEDS_REVIEW_PREFIX.length())
                ? trimmed.substring(NEEDS_REVIEW_PREFIX.length()).strip() : trimmed;
    }

    /** Needs-review findings nobody has dismissed yet. */
    public long standingReviews() {
        return rows.stream().filter(r -> r.needsReview() && !r.dismissed()).count();
    }

    public Instant createdAt() {
        return run.createdAt();
    }

    /** Why a dismissal cannot be sent, or null when it can: the rules qa-service applies to the reason. */
    static String problem(String reason) {
        if (reason == null || reason.isBlank()) {
            return "Give a reason: say what you checked and what you found.";
        }
        if (reason.length() > 2000) {
            return "The reason is longer than 2,000 characters.";
        }
        return null;
    }
}
