package io.mops.qa.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.mops.qa.rules.Reviewed.findings;
import static io.mops.qa.rules.Reviewed.onlyFinding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmsChecksTest {

    private static final String TEXT = "/creatives/sms/text";

    @Test
    void aTextWithoutOptOutInstructionsIsBlocked() {
        QaResult result = SampleCampaign.goodSms().replace(TEXT, " Reply STOP to opt out", "").review();
        assertEquals(Severity.BLOCK, onlyFinding(result, RuleIds.SMS_OPT_OUT).severity());
    }

    @Test
    void commonOptOutWordingsAreRecognised() {
        for (String optOut : List.of("Text STOP to end", "Txt stop to quit", "STOP to unsubscribe", "reply \"STOP\"")) {
            QaResult result = SampleCampaign.goodSms().replace(TEXT, "Reply STOP to opt out", optOut).review();
            assertTrue(findings(result, RuleIds.SMS_OPT_OUT).isEmpty(), optOut);
        }
    }

    @Test
    void aTextThatDoesNotNameItsSenderNeedsApproval() {
        QaResult result = SampleCampaign.goodSms().replace(TEXT, "Northwind: ", "").review();
        assertEquals(Severity.WARN, onlyFinding(result, RuleIds.SMS_SENDER_IDENTIFIED).severity());
    }

    @Test
    void sendingAtNineInTheEveningBreaksTheTcpaWindow() {
        QaResult result = SampleCampaign.goodSms().with("/creatives/sms/sendAt", "21:00")
                .with("/audience/regions", List.of("US")).review();
        assertEquals(Severity.BLOCK, onlyFinding(result, RuleIds.SMS_SENDING_WINDOW).severity());
        assertEquals(Verdict.PASS, SampleCampaign.goodSms().with("/creatives/sms/sendAt", "20:59")
                .with("/audience/regions", List.of("US")).review().verdict());
    }

    @Test
    void anAudienceAcrossRegimesMustFitEveryWindow() {
        // 08:30 is fine under the TCPA (from 08:00) but early under the rule set's Canadian window (from 09:00).
        QaResult result = SampleCampaign.goodSms().with("/creatives/sms/sendAt", "08:30").review();
        Finding finding = onlyFinding(result, RuleIds.SMS_SENDING_WINDOW);
        assertTrue(finding.message().contains("CASL"), finding.message());
    }

    @Test
    void textingUsRecipientsNeedsExpressConsent() {
        QaResult result = SampleCampaign.goodSms().with("/audience/consentBasis", "implied-consent").review();
        Finding finding = onlyFinding(result, RuleIds.CONSENT_BASIS);
        assertTrue(finding.message().contains("US") && finding.message().contains("TCPA"), finding.message());
    }
}
