package io.mops.qa.spam;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading spamd's answers, as spamd 4.0.1 wrote them (recorded from the real server). */
class SpamdClientTest {

    /** spamd 4.0.1's answer to REPORT for a bare GTUBE message (no Date, no Message-ID), recorded. */
    static final String GTUBE_ANSWER = """
            SPAMD/1.1 0 EX_OK\r
            Content-length: 870\r
            Spam: True ; 1003.3 / 5.0\r
            \r
            Spam detection software, running on the system "vm",
            has identified this incoming email as possible spam.  The original
            message has been attached to this so you can view it or label
            similar future email.  If you have any questions, see
            @@CONTACT_ADDRESS@@ for details.

            Content preview:  XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X

            Content analysis details:   (1003.3 points, 5.0 required)

             pts rule name              description
            ---- ---------------------- --------------------------------------------------
            -0.0 NO_RECEIVED            Informational: message has no Received headers
             0.6 MISSING_MID            Missing Message-Id: header
             2.7 MISSING_DATE           Missing Date: header
            -0.0 NO_RELAYS              Informational: message was not relayed via SMTP
            1000 GTUBE                  BODY: Generic Test for Unsolicited Bulk Email
            """;

    @Test
    void reportGivesScoreThresholdAndEveryRuleWithItsPoints() throws IOException {
        SpamReport report = SpamdClient.parse(GTUBE_ANSWER);

        assertEquals(1003.3, report.score());
        assertEquals(5.0, report.spamdThreshold());
        assertEquals(List.of(
                new SpamReport.FiredRule("NO_RECEIVED", -0.0, "Informational: message has no Received headers"),
                new SpamReport.FiredRule("MISSING_MID", 0.6, "Missing Message-Id: header"),
                new SpamReport.FiredRule("MISSING_DATE", 2.7, "Missing Date: header"),
                new SpamReport.FiredRule("NO_RELAYS", -0.0, "Informational: message was not relayed via SMTP"),
                new SpamReport.FiredRule("GTUBE", 1000, "BODY: Generic Test for Unsolicited Bulk Email")),
                report.rules());
    }

    @Test
    void aDescriptionWrappedOverTwoLinesIsOneRule() {
        List<SpamReport.FiredRule> rules = SpamdClient.rules("""
                ---- ---------------------- --------------------------------------------------
                 1.0 HTML_IMAGE_ONLY_32     BODY: HTML: images with 2800-3200 bytes of
                                            words
                -1.9 BAYES_00               BODY: Bayes spam probability is 0 to 1%
                """);

        assertEquals(List.of(
                new SpamReport.FiredRule("HTML_IMAGE_ONLY_32", 1.0, "BODY: HTML: images with 2800-3200 bytes of words"),
                new SpamReport.FiredRule("BAYES_00", -1.9, "BODY: Bayes spam probability is 0 to 1%")), rules);
    }

    @Test
    void anErrorStatusIsNotAScore() {
        IOException refused = assertThrows(IOException.class,
                () -> SpamdClient.parse("SPAMD/1.0 76 Bad header line: GARBAGE\r\n\r\n"));
        assertTrue(refused.getMessage().contains("76 Bad header line"), refused.getMessage());
        IOException notSpamd = assertThrows(IOException.class,
                () -> SpamdClient.parse("HTTP/1.1 400 Bad Request\r\n\r\n"));
        assertTrue(notSpamd.getMessage().contains("HTTP/1.1 400"), notSpamd.getMessage());
    }
}
