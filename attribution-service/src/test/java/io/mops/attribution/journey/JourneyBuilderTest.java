package io.mops.attribution.journey;

import io.mops.attribution.model.Journey;
import io.mops.attribution.model.Path;
import io.mops.attribution.model.Touchpoint;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JourneyBuilderTest {

    static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-11-08T00:00:00Z");
    static final JourneyWindow WINDOW = new JourneyWindow(FROM, TO, Duration.ofDays(30));

    static Instant day(int dayOfNovember) {
        return Instant.parse("2026-11-01T12:00:00Z").plus(Duration.ofDays(dayOfNovember - 1));
    }

    static ObservedTouchpoint touch(String user, String channel, Instant at) {
        return new ObservedTouchpoint(user, null, at, channel, "c-" + channel);
    }

    static List<Path> paths(BuiltJourneys built) {
        return built.journeys().journeys().stream().map(Journey::path).toList();
    }

    @Test
    void aConversionGetsTheTouchpointsWithinTheLookback() {
        List<ObservedTouchpoint> touchpoints = List.of(
                touch("u1", "display", day(3).minus(Duration.ofDays(31))),
                touch("u1", "social", day(3).minus(Duration.ofDays(29))),
                touch("u1", "search", day(3)));
        List<ObservedConversion> conversions = List.of(new ObservedConversion("u1", null, day(3), BigDecimal.TEN));

        BuiltJourneys built = JourneyBuilder.build(touchpoints, conversions, WINDOW, "EUR");

        assertEquals(List.of(Path.of("social", "search")), paths(built));
        assertTrue(built.journeys().journeys().getFirst().converted());
        assertEquals("c-search", built.journeys().journeys().getFirst().touchpoints().get(1).campaign().orElseThrow());
    }

    @Test
    void aSecondConversionStartsAfterTheFirst() {
        List<ObservedTouchpoint> touchpoints = List.of(touch("u1", "display", day(2)), touch("u1", "search", day(3)),
                touch("u1", "email", day(5)));
        List<ObservedConversion> conversions = List.of(new ObservedConversion("u1", null, day(3), BigDecimal.ONE),
                new ObservedConversion("u1", null, day(6), BigDecimal.ONE));

        BuiltJourneys built = JourneyBuilder.build(touchpoints, conversions, WINDOW, "EUR");

        assertEquals(List.of(Path.of("display", "search"), Path.of("email")), paths(built));
    }

    @Test
    void anonymousTouchpointsJoinTheUserTheConversionLinksThemTo() {
        List<ObservedTouchpoint> touchpoints = List.of(
                new ObservedTouchpoint(null, "cookie-1", day(1), "display", null),
                new ObservedTouchpoint(null, "cookie-2", day(1), "video", null),
                touch("u1", "search", day(2)));
        List<ObservedConversion> conversions = List.of(new ObservedConversion("u1", "cookie-1", day(2), BigDecimal.ONE));

        BuiltJourneys built = JourneyBuilder.build(touchpoints, conversions, WINDOW, "EUR");

        assertEquals(List.of(Path.of("video"), Path.of("display", "search")),
                paths(built).stream().sorted(java.util.Comparator.comparing(Path::length)).toList());
        Journey video = built.journeys().journeys().stream().filter(j -> j.path().equals(Path.of("video"))).findFirst()
                .orElseThrow();
        assertFalse(video.converted());
    }

    @Test
    void conversionsWithoutTouchpointsAreUnattributedAndConversionsOutsideTheWindowIgnored() {
        List<ObservedTouchpoint> touchpoints = List.of(touch("u2", "search", day(10)));
        List<ObservedConversion> conversions = List.of(new ObservedConversion("u1", null, day(2), new BigDecimal("40")),
                new ObservedConversion("u2", null, day(10), BigDecimal.ONE));

        BuiltJourneys built = JourneyBuilder.build(touchpoints, conversions, WINDOW, "EUR");

        assertEquals(1, built.unattributedConversions());
        assertEquals(new BigDecimal("40"), built.unattributedValue());
        assertTrue(built.journeys().journeys().isEmpty());
    }

    @Test
    void touchpointsWithoutAConversionFormOneNullJourneyWhenTheyReachIntoTheWindow() {
        List<ObservedTouchpoint> touchpoints = List.of(touch("u1", "display", day(-5)), touch("u1", "social", day(4)),
                touch("u2", "email", day(-3)), touch("u3", "video", day(9)));

        BuiltJourneys built = JourneyBuilder.build(touchpoints, List.of(), WINDOW, "EUR");

        assertEquals(List.of(Path.of("display", "social")), paths(built));
        assertEquals(1, built.journeys().toPathSet().totalNulls());
    }

    @Test
    void aWindowMustEndAfterItStarts() {
        assertThrows(IllegalArgumentException.class, () -> new JourneyWindow(TO, FROM, Duration.ofDays(1)));
        assertThrows(IllegalArgumentException.class, () -> new JourneyWindow(FROM, TO, Duration.ZERO));
    }

    @Test
    void touchpointRecordsKeepTheirTimes() {
        BuiltJourneys built = JourneyBuilder.build(List.of(touch("u1", "search", day(2))),
                List.of(new ObservedConversion("u1", null, day(2).plusSeconds(60), BigDecimal.ONE)), WINDOW, "EUR");

        Touchpoint only = built.journeys().journeys().getFirst().touchpoints().getFirst();
        assertEquals(day(2), only.at());
    }
}
