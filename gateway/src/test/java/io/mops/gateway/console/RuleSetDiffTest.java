package io.mops.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleSetDiffTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static final String V1 = """
            {'name': 'house', 'version': 1, 'description': 'first',
             'channels': {'email': {'creative': 'email', 'utmMediums': ['email']}},
             'rules': {'plan.budget': {'severity': 'block', 'source': 'house policy'},
                       'plan.duration': {'severity': 'warn', 'source': 'house policy'}},
             'claims': [{'category': 'offer', 'severity': 'warn'}],
             'plan': {'minimumAudienceSize': 1000}}""";

    /**
     * Version 2: plan.duration blocks now, plan.budget is gone, a new rule, email may also be tagged "newsletter",
     * a second claim category, the audience minimum is 500, the description is the same.
     */
    private static final String V2 = """
            {'name': 'house', 'version': 2, 'description': 'first',
             'channels': {'email': {'creative': 'email', 'utmMediums': ['email', 'newsletter']}},
             'rules': {'plan.duration': {'severity': 'block', 'source': 'house policy'},
                       'sms.quiet-hours': {'severity': 'block', 'source': 'TCPA'}},
             'claims': [{'category': 'offer', 'severity': 'warn'}, {'category': 'health', 'severity': 'block'}],
             'plan': {'minimumAudienceSize': 500}}""";

    @Test
    void everyAddedRemovedAndChangedFieldIsListedWithItsPlaceAndBothValues() throws Exception {
        RuleSetDiff diff = RuleSetDiff.between("house", 1, json(V1), 2, json(V2));
        List<String> shown = diff.changes().stream()
                .map(c -> c.kind().label() + " " + c.place() + ": " + c.before() + " → " + c.after()).toList();
        assertEquals(List.of(
                "Changed channels › email › utmMediums: [\"email\"] → [\"email\",\"newsletter\"]",
                "Added claims › health: null → {\"category\":\"health\",\"severity\":\"block\"}",
                "Changed plan › minimumAudienceSize: 1000 → 500",
                "Removed rules › plan.budget: {\"severity\":\"block\",\"source\":\"house policy\"} → null",
                "Changed rules › plan.duration › severity: \"warn\" → \"block\"",
                "Added rules › sms.quiet-hours: null → {\"severity\":\"block\",\"source\":\"TCPA\"}"), shown);
        assertEquals(2, diff.added());
        assertEquals(1, diff.removed());
        assertEquals(3, diff.changed());
    }

    private static final String ORDERED = """
            {'name': 'house', 'version': 1,
             'claims': [{'category': 'offer', 'severity': 'warn'}, {'category': 'health', 'severity': 'block'},
                        {'category': 'financial', 'severity': 'block'}],
             'regimes': [{'name': 'CASL (Canada)', 'countries': ['CA']},
                         {'name': 'GDPR and ePrivacy (EU)', 'countries': ['DE', 'FR']}]}""";

    @Test
    void reorderedClaimsAndRegimesAreNoChange() throws Exception {
        String reordered = """
                {'name': 'house', 'version': 2,
                 'claims': [{'category': 'financial', 'severity': 'block'}, {'category': 'offer', 'severity': 'warn'},
                            {'category': 'health', 'severity': 'block'}],
                 'regimes': [{'name': 'GDPR and ePrivacy (EU)', 'countries': ['DE', 'FR']},
                             {'name': 'CASL (Canada)', 'countries': ['CA']}]}""";
        assertEquals(List.of(), RuleSetDiff.between("house", 1, json(ORDERED), 2, json(reordered)).changes());
    }

    @Test
    void aChangeInAMovedElementIsNamedByItsKey() throws Exception {
        // health moved to the front and warns now; a regime dropped Canada's neighbour and the EU one lists Italy.
        String changed = """
                {'name': 'house', 'version': 2,
                 'claims': [{'category': 'health', 'severity': 'warn'}, {'category': 'offer', 'severity': 'warn'},
                            {'category': 'financial', 'severity': 'block'}],
                 'regimes': [{'name': 'GDPR and ePrivacy (EU)', 'countries': ['DE', 'FR', 'IT']}]}""";
        List<String> shown = RuleSetDiff.between("house", 1, json(ORDERED), 2, json(changed)).changes().stream()
                .map(c -> c.kind().label() + " " + c.place() + ": " + c.before() + " → " + c.after()).toList();
        assertEquals(List.of(
                "Changed claims › health › severity: \"block\" → \"warn\"",
                "Removed regimes › CASL (Canada): {\"name\":\"CASL (Canada)\",\"countries\":[\"CA\"]} → null",
                "Changed regimes › GDPR and ePrivacy (EU) › countries: [\"DE\",\"FR\"] → [\"DE\",\"FR\",\"IT\"]"),
                shown);
    }

    @Test
    void elementsWithoutAKeyAreComparedByPosition() throws Exception {
        // Two claims of the same category: the category identifies neither, so position does.
        String twice = "{'claims': [{'category': 'offer', 'severity': 'warn'}, {'category': 'offer', 'severity': 'block'}]}";
        String swapped = "{'claims': [{'category': 'offer', 'severity': 'block'}, {'category': 'offer', 'severity': 'warn'}]}";
        List<String> places = RuleSetDiff.between("house", 1, json(twice), 2, json(swapped)).changes().stream()
                .map(RuleSetDiff.Change::place).toList();
        assertEquals(List.of("claims › [1] › severity", "claims › [2] › severity"), places);
    }

    @Test
    void twoVersionsThatDifferOnlyInTheirNumberHaveNoChange() throws Exception {
        assertTrue(RuleSetDiff.between("house", 1, json(V1), 3, json(V1.replace("'version': 1", "'version': 3")))
                .changes().isEmpty());
    }

    private static RuleSetsApi.Version version(String name, int number) {
        return new RuleSetsApi.Version(name, number, "global", null, "carol", Instant.parse("2026-12-01T00:00:00Z"));
    }

    private static final List<RuleSetsApi.Version> PUBLISHED = List.of(version("mops-default", 1),
            version("mops-default", 2), version("mops-default", 3), version("alpha", 1));

    @Test
    void byDefaultTheShippedRuleSetsTwoNewestVersionsAreCompared() {
        RuleSetChoice choice = RuleSetChoice.of(PUBLISHED, null, null, null);
        assertEquals(List.of("alpha", "mops-default"), choice.names());
        assertEquals("mops-default", choice.name());
        assertEquals(List.of(3, 2, 1), choice.versions().stream().map(RuleSetsApi.Version::version).toList());
        assertEquals(2, choice.from());
        assertEquals(3, choice.to());
        assertTrue(choice.comparable());
    }

    @Test
    void twoPickedVersionsAreComparedOlderFirstWhicheverWayRoundTheyWerePicked() {
        RuleSetChoice choice = RuleSetChoice.of(PUBLISHED, "mops-default", 3, 1);
        assertEquals(1, choice.from());
        assertEquals(3, choice.to());
    }

    @Test
    void aRuleSetWithOneVersionHasNothingToCompare() {
        RuleSetChoice choice = RuleSetChoice.of(PUBLISHED, "alpha", null, null);
        assertFalse(choice.comparable());
        assertNull(choice.problem());
    }

    @Test
    void aVersionTheRuleSetDoesNotHaveIsRefusedNamingTheOnesItHas() {
        assertEquals("Pick two versions mops-default has: 1, 2, 3.",
                RuleSetChoice.of(PUBLISHED, "mops-default", 1, 7).problem());
        assertEquals("Pick two different versions to compare.",
                RuleSetChoice.of(PUBLISHED, "mops-default", 2, 2).problem());
        assertEquals("There is no rule set named beta.", RuleSetChoice.of(PUBLISHED, "beta", null, null).problem());
    }
}
