package io.mops.qa.run;

import io.mops.qa.rules.Finding;
import io.mops.qa.rules.Location;
import io.mops.qa.rules.QaResult;
import io.mops.qa.rules.Severity;
import io.mops.qa.rules.Verdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LaunchApprovalRequestTest {

    private static final UUID RUN = UUID.fromString("00000000-0000-0000-0000-000000000042");

    private static Finding warn(String ruleId, Location location, String message, String fixHint) {
        return new Finding(ruleId, "mops-default", 3, Severity.WARN, location, message, fixHint);
    }

    @Test
    void eachFindingIsOneLineWithSeverityRuleLocationMessageAndFix() {
        Finding finding = warn("tracking.consistent-tags",
                Location.element("creatives.email.html", "html > body > a:nth-child(2)"),
                "the same link carries\nutm_campaign=bf and utm_campaign=BF", "use one set of tags per link");
        QaResult result = new QaResult(Verdict.NEEDS_APPROVAL, 12, "mops-default", 3, List.of(finding));

        LaunchApprovalRequest request = LaunchApprovalRequest.of(RUN, "bf-2026", "Black Friday", "email", result, "sam");

        assertEquals(RUN.toString(), request.reference());
        assertEquals("sam", request.requestedBy());
        assertEquals("Launch of Black Friday (bf-2026) on email: QA verdict needs-approval, risk index 12/100 "
                + "(1 distinct issue), 0 block, 1 warn, 0 info", request.summary());
        assertEquals("Findings under rule set mops-default v3 (QA run " + RUN + "):\n"
                + "[warn] tracking.consistent-tags at creatives.email.html @ html > body > a:nth-child(2): "
                + "the same link carries utm_campaign=bf and utm_campaign=BF Fix: use one set of tags per link\n",
                request.explanation());
    }

    @Test
    void aLongListIsCappedAndSaysHowManyMoreTheRunHolds() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            findings.add(warn("a11y.image-alt", Location.field("creatives.email.html#" + i), "image without alt", null));
        }
        QaResult result = new QaResult(Verdict.NEEDS_APPROVAL, 60, "mops-default", 1, findings);

        String explanation = LaunchApprovalRequest.of(RUN, "c", null, "email", result, "sam").explanation();

        assertEquals(LaunchApprovalRequest.MAX_FINDING_LINES, explanation.lines().filter(l -> l.startsWith("[warn]")).count());
        assertTrue(explanation.endsWith("… and 30 more in GET /qa/runs/" + RUN + "\n"), explanation);
    }

    @Test
    void hugeMessagesStayWithinWhatApprovalRequestedCarries() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            findings.add(warn("claims.substantiation", Location.field("f" + i), "x".repeat(5000), "y".repeat(5000)));
        }
        QaResult result = new QaResult(Verdict.NEEDS_APPROVAL, 90, "mops-default", 1, findings);

        LaunchApprovalRequest request = LaunchApprovalRequest.of(RUN, "c", "n".repeat(400), "email", result, "sam");

        assertTrue(request.explanation().length() <= 20_000);
        assertTrue(request.summary().length() <= 300);
        assertTrue(request.explanation().contains("more in GET /qa/runs/"));
    }
}
