package io.mops.qa.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped sample set: good, subtly broken and clearly non-compliant campaigns get the verdicts a careful reviewer would give. */
class SampleCampaignsTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            good-email-black-friday-us           | pass           |
            good-email-winter-sale-de            | pass           |
            good-sms-flash-sale-us-ca            | pass           |
            good-search-ad-jackets               | pass           |
            subtle-email-tracking-drift          | needs-approval | tracking.utm-lowercase tracking.consistent-tags tracking.campaign-name a11y.link-text a11y.image-alt
            subtle-email-unsupported-claims      | needs-approval | claims.substantiation a11y.plain-text-part
            subtle-social-wrong-medium           | needs-approval | tracking.utm-medium plan.audience-minimum
            subtle-email-dead-unsubscribe        | blocked        | email.unsubscribe-link tracking.link-well-formed
            subtle-sms-late-send                 | blocked        | sms.sending-window
            malformed-html-email                 | needs-approval | html.well-formed
            noncompliant-email-investment-scheme | blocked        | email.unsubscribe-link email.postal-address email.sender-identity email.subject-line consent.basis claims.substantiation html.well-formed tracking.utm-present tracking.https a11y.image-alt a11y.link-text a11y.plain-text-part a11y.html-lang
            noncompliant-sms-no-opt-out          | blocked        | sms.opt-out sms.sending-window consent.basis claims.substantiation sms.sender-identified tracking.utm-present
            """)
    void sampleGetsTheExpectedVerdictForTheExpectedReasons(String sample, String verdict, String rules) {
        QaResult result = SampleCampaign.load(sample).review();
        Set<String> expected = rules == null ? Set.of() : Set.copyOf(Arrays.asList(rules.trim().split("\\s+")));
        Set<String> found = result.findings().stream().map(Finding::ruleId).collect(Collectors.toSet());

        assertEquals(verdict, result.verdict().code(), () -> describe(result.findings()));
        assertEquals(expected, found, () -> describe(result.findings()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"good-email-black-friday-us", "subtle-email-tracking-drift", "noncompliant-email-investment-scheme",
            "malformed-html-email", "noncompliant-sms-no-opt-out"})
    void reviewingTheSameCampaignTwiceGivesTheSameResult(String sample) {
        assertEquals(SampleCampaign.load(sample).review(), SampleCampaign.load(sample).review());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"subtle-email-tracking-drift", "noncompliant-email-investment-scheme"})
    void everyFindingNamesTheRuleSetVersionThatProducedIt(String sample) {
        QaResult result = SampleCampaign.load(sample).review();
        assertTrue(result.findings().stream().allMatch(f ->
                f.ruleSet().equals("mops-default") && f.ruleSetVersion() == 1));
    }

    static String describe(List<Finding> findings) {
        return findings.stream()
                .map(f -> f.severity().code() + " " + f.ruleId() + " at " + f.location() + ": " + f.message())
                .collect(Collectors.joining("\n", "\n", "\n"));
    }
}
