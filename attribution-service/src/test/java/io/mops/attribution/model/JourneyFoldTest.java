package io.mops.attribution.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JourneyFoldTest {

    private static final List<String> CHANNELS = List.of("search", "social", "email", "display", "video");

    /** Seeded journeys of one to five touchpoints over a week, two in three converting, with campaigns. */
    static List<Journey> journeys(int count, long seed) {
        Random random = new Random(seed);
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        List<Journey> journeys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int touches = 1 + random.nextInt(5);
            Instant at = start.plus(Duration.ofMinutes(random.nextInt(10_000)));
            List<Touchpoint> touchpoints = new ArrayList<>();
            for (int t = 0; t < touches; t++) {
                String channel = CHANNELS.get(random.nextInt(CHANNELS.size()));
                touchpoints.add(new Touchpoint(channel, Optional.of(channel + "-" + random.nextInt(3)), at));
                at = at.plus(Duration.ofMinutes(1 + random.nextInt(600)));
            }
            Optional<Conversion> conversion = random.nextInt(3) == 0 ? Optional.empty()
                    : Optional.of(new Conversion(at, BigDecimal.valueOf(1 + random.nextInt(20_000), 2)));
            journeys.add(new Journey(touchpoints, conversion));
        }
        return journeys;
    }

    @Test
    void foldingJourneysOneAtATimeCreditsExactlyAsTheWholeJourneySetForEveryModel() {
        List<Journey> journeys = journeys(3_000, 20261125L);
        List<AttributionModel> models = AttributionModels.NAMES.stream()
                .map(name -> AttributionModels.byName(name).orElseThrow()).toList();

        JourneyFold fold = new JourneyFold("EUR", models);
        journeys.forEach(fold::add);

        JourneySet whole = new JourneySet("EUR", journeys);
        List<Attribution> expected = models.stream().map(model -> model.credit(whole)).toList();
        assertEquals(expected, fold.attributions());
        assertEquals(whole.toPathSet(), fold.paths());
        assertEquals(3_000, fold.journeys());
    }

    @Test
    void theFoldHoldsPathsNotJourneys() {
        JourneyFold fold = new JourneyFold("EUR", List.of(AttributionModels.byName("markov-1").orElseThrow()));
        Touchpoint search = new Touchpoint("search", Optional.empty(), Instant.parse("2026-11-02T10:00:00Z"));
        for (int i = 0; i < 10_000; i++) {
            fold.add(Journey.converted(new Conversion(Instant.parse("2026-11-02T11:00:00Z"), BigDecimal.ONE), search));
        }

        assertEquals(1, fold.paths().paths().size());
        assertEquals(10_000, fold.paths().totalConversions());
        BigDecimal credited = fold.attributions().getFirst().creditOf("search").conversions();
        assertEquals(0, new BigDecimal("10000").compareTo(credited));
    }
}
