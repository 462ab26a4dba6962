package io.mops.qa.review;

import io.mops.qa.rules.Finding;
import io.mops.qa.rules.Location;
import io.mops.qa.rules.RuleBook;
import io.mops.qa.rules.RuleIds;
import io.mops.qa.rules.Severity;

import java.util.List;
import java.util.Locale;

/**
 * Turns the outcome of an AI review into findings of rule {@value RuleIds#AI_REVIEW}. The model's opinion is
 * advisory: no finding of it is more severe than {@code warn} (nor than the rule set's severity for the rule), so a
 * model can send a campaign to a person but never block it. Every finding names the model. A review that was skipped
 * or failed says so in an {@code info} finding: it never looks like a review that found nothing.
 */
public final class AiReviewFindings {

    static final String FIELD = "creatives";
    private static final int QUOTE_CHARS = 160;

    private AiReviewFindings() {
    }

    public static List<Finding> of(AiReviewOutcome outcome, RuleBook book) {
        var setting = book.enabled(RuleIds.AI_REVIEW);
        if (setting.isEmpty()) {
            return List.of();
        }
        Severity ceiling = min(setting.get().severity(), Severity.WARN);
        return switch (outcome) {
            case AiReviewOutcome.Skipped skipped -> List.of(info(book, "AI review skipped: " + skipped.reason(),
                    "configure a chat model (mops.qa.ai-review.*) to have copy reviewed for tone, cultural and regional "
                            + "pitfalls and unsupported claims"));
            case AiReviewOutcome.Failed failed -> List.of(info(book, "AI review by " + failed.model() + " failed after "
                            + failed.attempts() + " attempts, so the copy was not reviewed by AI: " + failed.reason(),
                    "run QA again later, or have a person read the copy for tone and claims"));
            case AiReviewOutcome.Reviewed reviewed -> reviewed.review().findings().isEmpty()
                    ? List.of(info(book, "AI review by " + reviewed.model() + ": no concerns about tone, cultural or "
                    + "regional pitfalls or unsupported claims", null))
                    : reviewed.review().findings().stream()
                    .map(note -> noteFinding(book, reviewed.model(), note, ceiling))
                    .toList();
        };
    }

    private static Finding noteFinding(RuleBook book, String model, ReviewNote note, Severity ceiling) {
        Severity severity = min(Severity.valueOf(note.severity().toUpperCase(Locale.ROOT)), ceiling);
        String quoted = note.quote() == null || note.quote().isBlank() ? "" : " (\"" + clip(note.quote()) + "\")";
        return new Finding(RuleIds.AI_REVIEW, book.name(), book.version(), severity, Location.field(FIELD),
                "AI review by " + model + ", " + note.concern() + quoted + ": " + oneLine(note.explanation()),
                note.suggestion() == null || note.suggestion().isBlank() ? null : oneLine(note.suggestion()));
    }

    private static Finding info(RuleBook book, String message, String fixHint) {
        return new Finding(RuleIds.AI_REVIEW, book.name(), book.version(), Severity.INFO, Location.field(FIELD),
                message, fixHint);
    }

    private static Severity min(Severity a, Severity b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String clip(String text) {
        String line = oneLine(text);
        return line.length() <= QUOTE_CHARS ? line : line.substring(0, QUOTE_CHARS - 1) + "…";
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
