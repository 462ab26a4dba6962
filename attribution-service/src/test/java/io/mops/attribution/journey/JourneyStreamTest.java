package io.mops.attribution.journey;

import io.mops.attribution.model.Journey;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JourneyStreamTest {

    private static final JourneyWindow WINDOW = new JourneyWindow(Instant.parse("2026-11-01T00:00:00Z"),
            Instant.parse("2026-11-15T00:00:00Z"), Duration.ofDays(7));

    /** Collects what a stream or the builder hands on. */
    private static final class Collected implements JourneyBuilder.JourneySink {
        final List<Journey> journeys = new ArrayList<>();
        long unattributed;
        BigDecimal unattributedValue = BigDecimal.ZERO;

        @Override
        public void journey(Journey journey) {
            journeys.add(journey);
        }

        @Override
        public void unattributed(BigDecimal value) {
            unattributed++;
            unattributedValue = unattributedValue.add(value);
        }
    }

    @Test
    void touchpointsStreamedByCustomerAndTimeGiveTheJourneysTheBuilderGivesInTheSameOrder() {
        Random random = new Random(42);
        List<ObservedTouchpoint> touchpoints = new ArrayList<>();
        List<ObservedConversion> conversions = new ArrayList<>();
        Instant start = Instant.parse("2026-10-20T00:00:00Z");
        for (int i = 0; i < 4_000; i++) {
            String user = "u-" + random.nextInt(300);
            touchpoints.add(new ObservedTouchpoint(user, null, start.plus(Duration.ofMinutes(random.nextInt(36_000))),
                    List.of("search", "social", "email", "display").get(random.nextInt(4)), "c" + random.nextInt(2)));
        }
        // Some customers convert without any touchpoint: they are unattributed.
        for (int i = 0; i < 600; i++) {
            conversions.add(new ObservedConversion("u-" + random.nextInt(330), null,
                    start.plus(Duration.ofMinutes(random.nextInt(36_000))),
                    BigDecimal.valueOf(random.nextInt(9_000), 2)));
        }
        BuiltJourneys built = JourneyBuilder.build(touchpoints, conversions, WINDOW, "EUR");

        Collected streamed = new Collected();
        JourneyStream stream = new JourneyStream(WINDOW, conversions, streamed);
        touchpoints.stream()
                .sorted(Comparator.comparing(ObservedTouchpoint::userId).thenComparing(ObservedTouchpoint::at))
                .forEach(t -> stream.touchpoint(t.userId(), t));
        stream.finish();

        assertEquals(built.journeys().journeys(), streamed.journeys);
        assertEquals(built.unattributedConversions(), streamed.unattributed);
        assertEquals(built.unattributedValue(), streamed.unattributedValue);
    }
}
