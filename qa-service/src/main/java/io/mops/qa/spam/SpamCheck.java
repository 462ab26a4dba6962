package io.mops.qa.spam;

import io.mops.qa.campaign.EmailCreative;
import io.mops.qa.rules.CampaignUnderReview;
import io.mops.qa.rules.Finding;
import io.mops.qa.rules.Findings;
import io.mops.qa.rules.Location;
import io.mops.qa.rules.RuleBook;
import io.mops.qa.rules.RuleIds;
import io.mops.qa.rules.Severity;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Rule {@value RuleIds#SPAM_SCORE}: the campaign's email, assembled as a MIME message ({@link CampaignMessage}), is
 * scored by SpamAssassin. A score at or above the rule set's {@code spam.threshold} takes the rule's severity (spam
 * filters file such mail as spam); a score from {@code spam.reviewFrom} up to the threshold is at most a warning that
 * needs review (a filter tuned a little stricter than SpamAssassin's defaults would catch it); every scored email gets
 * an {@code info} naming the rules that fired with their points. When spamd does not answer, the finding says the
 * score is unknown and needs review: QA never blocks on what it could not find out.
 */
public final class SpamCheck {

    static final Location WHERE = Location.field("creatives.email");
    private static final int RULES_LISTED = 25;

    private final SpamScorer scorer;
    private final boolean enabled;

    public SpamCheck(SpamScorer scorer, boolean enabled) {
        this.scorer = scorer;
        this.enabled = enabled;
    }

    public static boolean applies(RuleBook book) {
        return book.enabled(RuleIds.SPAM_SCORE).isPresent() && book.spam() != null;
    }

    public List<Finding> review(CampaignUnderReview campaign) {
        RuleBook book = campaign.book();
        Optional<EmailCreative> email = campaign.email();
        if (!applies(book) || email.isEmpty()) {
            return List.of();
        }
        Findings findings = new Findings(book);
        if (CampaignUnderReview.isBlank(email.get().html()) && CampaignUnderReview.isBlank(email.get().plainText())) {
            findings.report(RuleIds.SPAM_SCORE, Severity.INFO, () -> WHERE,
                    "not scored for spam: the email has neither an HTML nor a plain-text part", null);
            return findings.inReportOrder();
        }
        if (!enabled) {
            findings.report(RuleIds.SPAM_SCORE, Severity.INFO, () -> WHERE,
                    "not scored for spam: spam scoring is switched off (mops.qa.spam.enabled)", null);
            return findings.inReportOrder();
        }
        Severity severity = book.enabled(RuleIds.SPAM_SCORE).map(RuleBook.RuleSetting::severity).orElseThrow();
        Severity atMostWarn = severity.compareTo(Severity.WARN) > 0 ? Severity.WARN : severity;
        byte[] message;
        try {
            message = CampaignMessage.of(email.get(), campaign.today());
        } catch (IllegalArgumentException e) {
            findings.reportNeedsReview(RuleIds.SPAM_SCORE, atMostWarn, () -> WHERE,
                    "needs review: the spam score is unknown — the email could not be assembled as a message: "
                            + e.getMessage(), "correct the sender, subject and parts, and run QA again");
            return findings.inReportOrder();
        }
        long started = System.nanoTime();
        SpamReport report;
        try {
            report = scorer.score(message);
        } catch (IOException | RuntimeException e) {
            findings.reportNeedsReview(RuleIds.SPAM_SCORE, atMostWarn, () -> WHERE,
                    "needs review: the spam score is unknown — " + scorer.describe() + " did not answer after "
                            + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms: " + reason(e),
                    "run QA again once spamd is back, or have the email scored by hand; the CoE dismisses this "
                            + "finding with a reason");
            return findings.inReportOrder();
        }
        judge(report, book.spam(), severity, atMostWarn, findings);
        return findings.inReportOrder();
    }

    private static void judge(SpamReport report, RuleBook.SpamRules limits, Severity severity, Severity atMostWarn,
                              Findings findings) {
        String score = points(report.score());
        String offenders = offenders(report);
        if (report.score() >= limits.threshold()) {
            findings.report(RuleIds.SPAM_SCORE, severity, () -> WHERE,
                    "SpamAssassin scores the email " + score + " points, at or above the rule set's spam threshold of "
                            + points(limits.threshold()) + ": mail filters are likely to file it as spam"
                            + offenders,
                    "change what the rules that scored most point at (see the info finding of " + RuleIds.SPAM_SCORE
                            + ") and run QA again");
        } else if (report.score() >= limits.reviewFrom()) {
            findings.reportNeedsReview(RuleIds.SPAM_SCORE, atMostWarn, () -> WHERE,
                    "needs review: SpamAssassin scores the email " + score + " points, near the spam threshold of "
                            + points(limits.threshold()) + " (review from " + points(limits.reviewFrom()) + ")"
                            + offenders,
                    "lower the score by changing what the rules that scored most point at; when a person judges "
                            + "the email fine as it is, the CoE dismisses this finding with a reason");
        }
        List<SpamReport.FiredRule> fired = report.rules().stream()
                .sorted(Comparator.comparingDouble(SpamReport.FiredRule::points).reversed()
                        .thenComparing(SpamReport.FiredRule::name))
                .toList();
        String listed = fired.stream().limit(RULES_LISTED)
                .map(r -> r.name() + " " + points(r.points()) + " (" + r.description() + ")")
                .collect(Collectors.joining("; "));
        findings.report(RuleIds.SPAM_SCORE, Severity.INFO, () -> WHERE,
                "SpamAssassin score " + score + " (spam at " + points(limits.threshold()) + ", review from "
                        + points(limits.reviewFrom()) + "; spamd's own threshold " + points(report.spamdThreshold())
                        + "); " + (fired.isEmpty() ? "no rule fired"
                        : fired.size() + " rules fired: " + listed
                        + (fired.size() > RULES_LISTED ? "; and " + (fired.size() - RULES_LISTED) + " more" : "")),
                null);
    }

    /** The rules that added most, for the warning itself: a reader should not need the info to know why. */
    private static String offenders(SpamReport report) {
        List<String> top = report.rules().stream().filter(r -> r.points() > 0)
                .sorted(Comparator.comparingDouble(SpamReport.FiredRule::points).reversed()
                        .thenComparing(SpamReport.FiredRule::name))
                .limit(3).map(r -> r.name() + " " + points(r.points())).toList();
        return top.isEmpty() ? "" : " (most points: " + String.join(", ", top) + ")";
    }

    static String points(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }
}
