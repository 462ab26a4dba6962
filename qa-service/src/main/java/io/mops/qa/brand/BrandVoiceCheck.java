package io.mops.qa.brand;

import io.mops.qa.campaign.CampaignSubmission;
import io.mops.qa.rules.Finding;
import io.mops.qa.rules.Location;
import io.mops.qa.rules.RuleBook;
import io.mops.qa.rules.RuleIds;
import io.mops.qa.rules.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Judges a campaign's copy against its brand's corpus. Copy that resembles none of the approved examples closely
 * enough, or resembles a rejected one too closely, is reported with the nearest examples, so the channel team sees
 * what the brand sounds like instead of a bare score. Without a brand or a corpus there is nothing to compare with,
 * and the finding says the check was skipped rather than passing silently.
 */
public final class BrandVoiceCheck {

    static final String FIELD = "creatives";
    private static final int QUOTE_CHARS = 120;

    private final BrandVoice voice;

    public BrandVoiceCheck(BrandVoice voice) {
        this.voice = voice;
    }

    /**
     * What the check found, and the corpus examples it compared the copy with: the nearest approved and the nearest
     * rejected ones ({@code nearestExamples} of each, most similar first), empty when the check did not run.
     */
    public record Outcome(List<Finding> findings, List<Resemblance> nearest) {

        public Outcome {
            findings = List.copyOf(findings);
            nearest = List.copyOf(nearest);
        }

        static Outcome skipped(Finding note) {
            return new Outcome(List.of(note), List.of());
        }
    }

    /** @param corpus the examples of the submission's brand (empty when it names none, or the brand has none) */
    public List<Finding> review(CampaignSubmission submission, RuleBook book, List<CorpusExample> corpus) {
        return judge(submission, book, corpus).findings();
    }

    /** Like {@link #review}, with the nearest examples an approver can compare the copy with. */
    public Outcome judge(CampaignSubmission submission, RuleBook book, List<CorpusExample> corpus) {
        var setting = book.enabled(RuleIds.BRAND_VOICE);
        if (setting.isEmpty() || book.brandVoice() == null) {
            return new Outcome(List.of(), List.of());
        }
        String brand = submission.brand();
        if (brand == null || brand.isBlank()) {
            return Outcome.skipped(skipped(book, Location.field("brand"),
                    "brand voice not checked: the campaign names no brand", "name the brand to have its voice checked"));
        }
        if (corpus.isEmpty()) {
            return Outcome.skipped(skipped(book, Location.field("brand"), "brand voice not checked: brand '" + brand
                    + "' has no examples in its corpus", "ask the CoE to add approved and rejected examples for '"
                    + brand + "'"));
        }
        String copy = CampaignCopy.of(submission);
        if (copy.isBlank()) {
            return Outcome.skipped(skipped(book, Location.field(FIELD),
                    "brand voice not checked: the campaign has no copy", "add the copy recipients will read"));
        }
        RuleBook.BrandVoiceRules rules = book.brandVoice();
        BrandVoice.Placement placement = voice.place(copy, corpus);
        Severity severity = setting.get().severity();
        List<Finding> findings = new ArrayList<>();
        if (!placement.approved().isEmpty() && placement.closestApproved() < rules.minimumApprovedSimilarity()) {
            findings.add(new Finding(RuleIds.BRAND_VOICE, book.name(), book.version(), severity, Location.field(FIELD),
                    "copy does not sound like brand '" + brand + "': its closest approved example is only "
                            + percent(placement.closestApproved()) + " similar (at least "
                            + percent(rules.minimumApprovedSimilarity()) + " expected); nearest approved: "
                            + quote(placement.approved(), rules.nearestExamples()),
                    "rewrite the copy in the tone of the approved examples, or ask the CoE to approve this style"));
        }
        if (!placement.rejected().isEmpty() && placement.closestRejected() > rules.maximumRejectedSimilarity()) {
            findings.add(new Finding(RuleIds.BRAND_VOICE, book.name(), book.version(), severity, Location.field(FIELD),
                    "copy sounds like what brand '" + brand + "' rejected: " + percent(placement.closestRejected())
                            + " similar to a rejected example (at most " + percent(rules.maximumRejectedSimilarity())
                            + " allowed); nearest rejected: " + quote(placement.rejected(), rules.nearestExamples()),
                    "rewrite the copy away from the rejected example"));
        }
        List<Resemblance> nearest = new ArrayList<>();
        placement.approved().stream().limit(rules.nearestExamples()).forEach(nearest::add);
        placement.rejected().stream().limit(rules.nearestExamples()).forEach(nearest::add);
        return new Outcome(findings, nearest);
    }

    private static Finding skipped(RuleBook book, Location location, String message, String fixHint) {
        return new Finding(RuleIds.BRAND_VOICE, book.name(), book.version(), Severity.INFO, location, message, fixHint);
    }

    private static String quote(List<Resemblance> ranked, int count) {
        return ranked.stream().limit(count)
                .map(r -> "\"" + clip(r.example().text()) + "\" (" + percent(r.similarity()) + ")")
                .collect(Collectors.joining(", "));
    }

    private static String clip(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= QUOTE_CHARS ? line : line.substring(0, QUOTE_CHARS - 1) + "…";
    }

    private static String percent(double similarity) {
        return String.format(Locale.ROOT, "%.0f%%", similarity * 100);
    }
}
