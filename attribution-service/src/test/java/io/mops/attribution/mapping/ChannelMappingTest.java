package io.mops.attribution.mapping;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelMappingTest {

    private static MappingRule rule(String source, String medium, String campaign, String channel) {
        return new MappingRule(source, medium, campaign, channel, null);
    }

    @Test
    void aPatternMatchesTheWholeValueIgnoringCaseWithStarsForAnyRun() {
        assertTrue(MappingRule.matches("google", "Google"));
        assertFalse(MappingRule.matches("google", "googlemail"));
        assertTrue(MappingRule.matches("bf-*", "BF-teaser"));
        assertTrue(MappingRule.matches("*shoes*", "Generic, running shoes"));
        assertTrue(MappingRule.matches("a*b*c", "axxbyybzc"));
        assertFalse(MappingRule.matches("a*b*c", "axxcyyb"));
        assertTrue(MappingRule.matches("*", null));
        assertTrue(MappingRule.matches(null, null));
        assertFalse(MappingRule.matches("cpc", null));
    }

    @Test
    void theFirstMatchingRuleDecides() {
        ChannelMapping mapping = new ChannelMapping(3, List.of(
                rule("google", "cpc", "*brand*", "brand-search"),
                rule("google", "cpc", null, "search"),
                rule(null, "email", null, "email")));

        assertEquals(Optional.of("brand-search"), mapping.match("google", "cpc", "Brand | EU").map(MappingRule::channel));
        assertEquals(Optional.of("search"), mapping.match("google", "cpc", "Generic").map(MappingRule::channel));
        assertEquals(Optional.of("search"), mapping.match("google", "cpc", null).map(MappingRule::channel));
        assertEquals(Optional.of("email"), mapping.match("newsletter", "email", "bf").map(MappingRule::channel));
        assertEquals(Optional.empty(), mapping.match("(direct)", "(none)", null));
    }

    @Test
    void aVersionReportsTheRulesItAddedRemovedAndWhetherItReordered() {
        MappingRule a = rule("google", "cpc", null, "search");
        MappingRule b = rule(null, "email", null, "email");
        MappingRule c = new MappingRule("linkedin", null, null, "social", UUID.randomUUID());

        RuleChanges changes = RuleChanges.between(List.of(a, b), List.of(b, c));
        assertEquals(List.of(c), changes.added());
        assertEquals(List.of(a), changes.removed());
        assertFalse(changes.reordered());

        RuleChanges swapped = RuleChanges.between(List.of(a, b), List.of(b, a));
        assertEquals(List.of(), swapped.added());
        assertEquals(List.of(), swapped.removed());
        assertTrue(swapped.reordered());
    }
}
