package io.mops.testing.experiment;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CreativeCombinationsTest {

    private static LinkedHashMap<String, List<String>> components(Object... nameAndValues) {
        LinkedHashMap<String, List<String>> components = new LinkedHashMap<>();
        for (int i = 0; i < nameAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> values = (List<String>) nameAndValues[i + 1];
            components.put((String) nameAndValues[i], values);
        }
        return components;
    }

    @Test
    void everyCombinationAppearsOnceWithTheFirstComponentVaryingSlowest() {
        var combinations = CreativeCombinations.of(components(
                "headline", List.of("Save 20%", "Free shipping"),
                "image", List.of("hero", "lifestyle", "product"),
                "cta", List.of("Shop now", "See deals")));
        assertEquals(12, combinations.size());
        assertEquals(12, new HashSet<>(combinations.stream().map(CreativeCombinations.Combination::components).toList()).size());
        assertEquals("save-20_hero_shop-now", combinations.getFirst().key());
        assertEquals(Map.of("headline", "Save 20%", "image", "hero", "cta", "See deals"),
                combinations.get(1).components());
        assertEquals("Free shipping", combinations.get(6).components().get("headline"));
        assertEquals(List.of("headline", "image", "cta"), List.copyOf(combinations.getFirst().components().keySet()));
    }

    @Test
    void valuesThatSlugAlikeStillGetDistinctKeys() {
        var combinations = CreativeCombinations.of(components("headline", List.of("Save 20%", "save 20"),
                "cta", List.of("Go")));
        assertEquals(2, combinations.size());
        assertFalse(combinations.get(0).key().equals(combinations.get(1).key()));
        combinations.forEach(c -> assertTrue(c.key().matches("[a-z0-9][a-z0-9_-]{0,79}"), c.key()));
    }

    @Test
    void theCountIsTheProductOfTheComponentSizes() {
        List<String> thirty = java.util.stream.IntStream.range(0, 30).mapToObj(i -> "value " + i).toList();
        assertEquals(900, CreativeCombinations.count(components("a", thirty, "b", thirty)));
        assertEquals(0, CreativeCombinations.count(new LinkedHashMap<>()));
    }

    @Test
    void aDraftMayOnlyStartAndAConcludedExperimentNeverMovesAgain() {
        assertTrue(Experiment.Status.DRAFT.mayBecome(Experiment.Status.RUNNING));
        assertFalse(Experiment.Status.DRAFT.mayBecome(Experiment.Status.CONCLUDED));
        assertTrue(Experiment.Status.RUNNING.mayBecome(Experiment.Status.PAUSED));
        assertTrue(Experiment.Status.PAUSED.mayBecome(Experiment.Status.RUNNING));
        for (Experiment.Status next : Experiment.Status.values()) {
            assertFalse(Experiment.Status.CONCLUDED.mayBecome(next));
        }
    }
}
