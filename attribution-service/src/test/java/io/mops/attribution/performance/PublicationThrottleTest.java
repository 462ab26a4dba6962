package io.mops.attribution.performance;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicationThrottleTest {

    private static final Instant NOON = Instant.parse("2026-11-25T12:00:00Z");
    private final PublicationThrottle throttle = new PublicationThrottle(Duration.ofHours(6));

    private static ChannelFigures search(String value, String spend, String roas) {
        return new ChannelFigures("search", new BigDecimal("2"), new BigDecimal(value), new BigDecimal(spend),
                roas == null ? null : new BigDecimal(roas));
    }

    @Test
    void aChannelNeverAnnouncedIsDue() {
        assertEquals(List.of(search("100", "40", "2.5")),
                throttle.due(List.of(search("100", "40", "2.5")), Map.of(), NOON));
    }

    @Test
    void unchangedFiguresAreNotAnnouncedAgainWhateverTheirScale() {
        var last = Map.of("search", new PublicationThrottle.Publication(search("100.0000", "40.00", "2.5000"),
                NOON.minus(Duration.ofDays(3)), false));
        assertTrue(throttle.due(List.of(search("100", "40", "2.5")), last, NOON).isEmpty());
    }

    @Test
    void aChangeWithinTheMinimumIntervalWaitsAndIsAnnouncedOnceItHasPassed() {
        var last = Map.of("search", new PublicationThrottle.Publication(search("100", "40", "2.5"),
                NOON.minus(Duration.ofHours(5)), false));
        List<ChannelFigures> changed = List.of(search("120", "40", "3"));

        assertTrue(throttle.due(changed, last, NOON).isEmpty());
        assertEquals(changed, throttle.due(changed, last, NOON.plus(Duration.ofHours(1))));
    }

    @Test
    void aRoasAppearingOrVanishingIsAChange() {
        var last = Map.of("search", new PublicationThrottle.Publication(search("100", "0", null),
                NOON.minus(Duration.ofDays(1)), false));
        assertEquals(1, throttle.due(List.of(search("100", "0", "0")), last, NOON).size());
    }

    @Test
    void aChannelThatLeftThePeriodIsRevisedOnceToNothingCredited() {
        var last = Map.of("email", new PublicationThrottle.Publication(
                new ChannelFigures("email", BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ONE, BigDecimal.TEN),
                NOON.minus(Duration.ofDays(1)), false));
        assertEquals(List.of(ChannelFigures.nothing("email")), throttle.due(List.of(), last, NOON));

        var announcedEmpty = Map.of("email", new PublicationThrottle.Publication(ChannelFigures.nothing("email"),
                NOON.minus(Duration.ofDays(1)), false));
        assertTrue(throttle.due(List.of(), announcedEmpty, NOON).isEmpty());
    }

    @Test
    void figuresRecordedByHandAreNeverRevisedByComputedOnes() {
        var recorded = Map.of("tv", new PublicationThrottle.Publication(
                new ChannelFigures("tv", BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ONE, BigDecimal.TEN),
                NOON.minus(Duration.ofDays(1)), true));
        // Attribution has no data of the channel in the period, and different data would not override a person.
        assertTrue(throttle.due(List.of(), recorded, NOON).isEmpty());
        assertTrue(throttle.due(List.of(new ChannelFigures("tv", BigDecimal.TWO, BigDecimal.TEN, BigDecimal.ONE,
                BigDecimal.TEN)), recorded, NOON).isEmpty());
    }

    @Test
    void aNegativeMinimumIntervalIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PublicationThrottle(Duration.ofMinutes(-1)));
    }
}
