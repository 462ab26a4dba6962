package io.mops.attribution.quality;

import io.mops.attribution.quality.DataQualityRules.Counts;
import io.mops.attribution.quality.DataQualityRules.Finding;
import io.mops.attribution.quality.DataQualityRules.Observation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules against counts made by hand. */
class DataQualityRulesTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final DataQualityRules RULES = new DataQualityRules(new DataQualityRules.Thresholds(10, 0.2,
            HOUR, Duration.ofDays(7), 3, Optional.of(Pattern.compile("20\\d{2}-(0[1-9]|1[0-2])-[a-z0-9-]+")), 4));
    private static final Instant AT = Instant.parse("2026-12-07T10:20:00Z");

    private static Observation fresh(String channel, Instant occurred, String campaign) {
        return new Observation(channel, occurred, campaign, false);
    }

    @Test
    void windowsAreWholeUtcHoursFromTheEpoch() {
        assertEquals(Instant.parse("2026-12-07T10:00:00Z"), DataQualityRules.windowOf(AT, HOUR));
        assertEquals(Instant.parse("2026-12-07T10:00:00Z"),
                DataQualityRules.windowOf(Instant.parse("2026-12-07T10:00:00Z"), HOUR));
        assertEquals(Instant.parse("2026-12-07T09:00:00Z"),
                DataQualityRules.windowOf(Instant.parse("2026-12-07T09:59:59.999Z"), HOUR));
        assertEquals(Instant.parse("2026-12-07T00:00:00Z"), DataQualityRules.windowOf(AT, Duration.ofDays(1)));
    }

    @Test
    void eachTouchpointIsCountedOnceUnderItsChannel() {
        List<Observation> arrived = List.of(
                fresh("search", AT.minusSeconds(60), "2026-12-bf-search"),       // clean
                fresh("search", AT.plus(Duration.ofMinutes(61)), "2026-12-bf"),  // 61 min ahead: mistimed
                fresh("search", AT.plus(Duration.ofMinutes(60)), "2026-12-bf"),  // exactly at the bound: clean
                fresh("search", AT.minus(Duration.ofDays(8)), "Black Friday"),   // mistimed and off the taxonomy
                fresh("search", AT.minus(Duration.ofDays(7)), null),             // at the bound, no campaign: clean
                new Observation("search", AT.minus(Duration.ofDays(30)), "bad", true), // duplicate: only that
                fresh("email", AT, "2026-13-x"),                                 // month 13: off the taxonomy
                new Observation("email", AT, "2026-12-nl", true));
        Map<String, Counts> counts = RULES.count(arrived, AT);
        assertEquals(new Counts(6, 1, 2, 1), counts.get("search"));
        assertEquals(new Counts(2, 1, 0, 1), counts.get("email"));
        assertEquals(2, counts.size());
    }

    @Test
    void aDuplicateStormAboveTheShareIsFoundAndOneAtTheShareIsNot() {
        Instant window = DataQualityRules.windowOf(AT, HOUR);
        // 3 of 10 = 30 % > 20 %
        List<Finding> storm = RULES.judge("social", window, HOUR, new Counts(10, 3, 0, 0));
        assertEquals(1, storm.size());
        assertEquals("duplicate-events", storm.getFirst().detector());
        assertEquals(0.3, storm.getFirst().observed(), 1e-12);
        assertEquals(3, storm.getFirst().statistic());
        assertTrue(storm.getFirst().evidence().contains("3 of 10 touchpoints (30.0 %)"), storm.getFirst().evidence());
        // 2 of 10 = 20 %: not above the share
        assertEquals(List.of(), RULES.judge("social", window, HOUR, new Counts(10, 2, 0, 0)));
        // 9 of 9: too few touchpoints to judge a share
        assertEquals(List.of(), RULES.judge("social", window, HOUR, new Counts(9, 9, 0, 0)));
    }

    @Test
    void mistimedAndOffTaxonomyTouchpointsAreFoundAboveTheirCounts() {
        Instant window = DataQualityRules.windowOf(AT, HOUR);
        assertEquals(List.of(), RULES.judge("email", window, HOUR, new Counts(100, 0, 3, 4)));
        List<Finding> found = RULES.judge("email", window, HOUR, new Counts(100, 0, 4, 5));
        assertEquals(List.of("event-timing", "off-taxonomy"), found.stream().map(Finding::detector).toList());
        assertEquals(4, found.get(0).observed());
        assertEquals(3, found.get(0).expected());
        assertEquals(5, found.get(1).observed());
    }

    @Test
    void withoutATaxonomyNoCampaignIsOffIt() {
        DataQualityRules none = new DataQualityRules(new DataQualityRules.Thresholds(10, 0.2, HOUR,
                Duration.ofDays(7), 3, Optional.empty(), 0));
        assertEquals(new Counts(1, 0, 0, 0), none.count(List.of(fresh("email", AT, "Black Friday")), AT).get("email"));
        assertEquals(List.of(), none.judge("email", AT, HOUR, new Counts(100, 0, 0, 50)));
    }

    /**
     * A stream made by hand across three hour windows of arrival, counted per window as the service does (one
     * arrival at a time, adding up), against the windows counted by hand: only the storm's window is found.
     */
    @Test
    void aStormIsFoundInItsWindowOnlyAndCleanWindowsRaiseNothing() {
        Instant nine = Instant.parse("2026-12-07T09:00:00Z");
        Map<Instant, Counts> windows = new java.util.TreeMap<>();
        List<Finding> found = new ArrayList<>();
        // 09:xx: 12 clean touchpoints in two arrivals; 10:xx: 12 clean then 8 redelivered; 11:xx: 15 clean, 1 repeat.
        arrive(windows, found, nine.plusSeconds(600), 6, 0);
        arrive(windows, found, nine.plusSeconds(3000), 6, 0);
        arrive(windows, found, nine.plusSeconds(3600 + 60), 12, 0);
        arrive(windows, found, nine.plusSeconds(3600 + 1800), 0, 8);
        arrive(windows, found, nine.plusSeconds(7200 + 5), 15, 1);
        assertEquals(new Counts(12, 0, 0, 0), windows.get(nine));
        assertEquals(new Counts(20, 8, 0, 0), windows.get(nine.plusSeconds(3600)));
        assertEquals(new Counts(16, 1, 0, 0), windows.get(nine.plusSeconds(7200)));
        // 8 of 20 = 40 % > 20 %; 1 of 16 = 6.25 %: one finding, in the 10:00 window.
        assertEquals(1, found.size());
        assertEquals(nine.plusSeconds(3600), found.getFirst().windowStart());
        assertEquals(0.4, found.getFirst().observed(), 1e-12);
    }

    private static void arrive(Map<Instant, Counts> windows, List<Finding> found, Instant at, int clean, int repeats) {
        List<Observation> arrival = new ArrayList<>();
        for (int i = 0; i < clean; i++) {
            arrival.add(fresh("social", at.minusSeconds(30), "2026-12-bf-social"));
        }
        for (int i = 0; i < repeats; i++) {
            arrival.add(new Observation("social", at.minusSeconds(3000), "2026-12-bf-social", true));
        }
        Instant window = DataQualityRules.windowOf(at, HOUR);
        Counts total = windows.merge(window, RULES.count(arrival, at).get("social"), Counts::plus);
        // The service records a window's finding once: the first arrival that crosses the threshold.
        RULES.judge("social", window, HOUR, total).stream()
                .filter(f -> found.stream().noneMatch(g -> g.windowStart().equals(f.windowStart())
                        && g.detector().equals(f.detector())))
                .forEach(found::add);
    }
}
