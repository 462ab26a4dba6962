package io.mops.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class PolicyEditTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final JsonNode POLICY = json("""
            {"name":"big-launches","precedence":40,"description":"Big launches",
             "match":{"kinds":["CampaignLaunch"],"channels":["email"],"currency":"EUR","amountAbove":2500.00,
                      "riskScoreAtLeast":30},
             "action":"ROUTE","stages":[{"name":"legal","groups":["legal"],"quorum":"1","due":"PT24H"}],
             "expiresAfter":"PT72H"}""");

    @Test
    void theFormStartsFromThePolicysThresholdsAndEmptyForThoseItLacks() {
        assertEquals(new PolicyEdit("2500", "", "30", ""), PolicyEdit.of(POLICY));
    }

    @Test
    void aNewThresholdReplacesTheOldAnEmptyOneDropsItsConditionAndTheRestStays() {
        ObjectNode changed = new PolicyEdit("5000", "", "", "60").applyTo(POLICY);
        assertEquals("5000", changed.path("match").path("amountAbove").decimalValue().toPlainString());
        assertFalse(changed.path("match").has("riskScoreAtLeast"));
        assertEquals(60, changed.path("match").path("riskScoreBelow").intValue());
        assertFalse(changed.path("match").has("amountUpTo"));
        ObjectNode unchanged = POLICY.deepCopy();
        ((ObjectNode) unchanged.path("match")).remove(List.of("amountAbove", "riskScoreAtLeast"));
        ((ObjectNode) changed.path("match")).remove(List.of("amountAbove", "riskScoreBelow"));
        assertEquals(unchanged, changed, "name, kinds, stages, expiry: sent back as they came");
        assertEquals(2500, POLICY.path("match").path("amountAbove").intValue(), "the policy read is not touched");
    }

    @Test
    void numbersAreCheckedBeforeApprovalServiceIsAsked() {
        assertEquals(Map.of("amountAbove", "a number, e.g. 2500 or 2500.50", "amountUpTo", "must not be negative",
                        "riskScoreBelow", "a whole number from 0 to 101"),
                new PolicyEdit("2.500,00", "-1", "", "12.5").errors());
        assertEquals(Map.of(), new PolicyEdit(" 2500.50 ", "", "0", "101").errors());
    }

    @Test
    void approvalServicesViolationsLandAtTheThresholdTheyName() {
        assertEquals("riskScoreBelow", PolicyEdit.fieldOf("match.riskScoreBelow"));
        assertEquals("amountAbove", PolicyEdit.fieldOf("match.amountAbove"));
        assertEquals(null, PolicyEdit.fieldOf("stages[0].quorum"));
        assertEquals(null, PolicyEdit.fieldOf(null));
    }

    @Test
    void theHistoryNamesEachLeafThatChangedWithItsBeforeAndAfter() {
        JsonNode before = POLICY;
        JsonNode after = json("""
                {"name":"big-launches","precedence":40,"description":"Big launches",
                 "match":{"kinds":["CampaignLaunch"],"channels":["email","sms"],"currency":"EUR","amountAbove":5000,
                          "riskScoreAtLeast":30},
                 "action":"ROUTE","stages":[{"name":"legal","groups":["legal"],"quorum":"2","due":"PT24H"}],
                 "expiresAfter":"PT72H"}""");
        assertEquals(List.of("match.amountAbove: 2500 → 5000", "match.channels: [email] → [email, sms]",
                "stages[0].quorum: 1 → 2"), PolicyEdit.differences(before, after));
    }

    @Test
    void theFirstVersionListsWhatItSetAndARetirementWhatItEnded() {
        JsonNode first = json("{\"name\":\"p\",\"match\":{\"kinds\":[\"CampaignLaunch\"],\"amountUpTo\":100}}");
        assertEquals(List.of("match.amountUpTo: – → 100", "match.kinds: – → [CampaignLaunch]", "name: – → p"),
                PolicyEdit.differences(null, first));
        assertEquals(List.of("match.amountUpTo: 100 → –", "match.kinds: [CampaignLaunch] → –", "name: p → –"),
                PolicyEdit.differences(first, null));
    }
}
