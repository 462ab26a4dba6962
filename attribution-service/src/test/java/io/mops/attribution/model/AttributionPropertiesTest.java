package io.mops.attribution.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties every model must have, checked on seeded random path sets. */
class AttributionPropertiesTest {

    static final List<String> CHANNELS = List.of("search", "social", "email", "display", "affiliate", "video");
    /** Symmetric channels may differ by one unit in the last credited decimal: ties are broken by rounding. */
    static final BigDecimal ONE_UNIT = new BigDecimal("0.0001");

    static Stream<Arguments> pathModelsAndSeeds() {
        List<AttributionModel> models = List.of(new FirstTouch(), new LastTouch(), new Linear(), new PositionBased(),
                new PositionBased(0.3, 0.5), new MarkovRemovalEffect(1), new MarkovRemovalEffect(2),
                new MarkovRemovalEffect(3), new MarkovRemovalEffect(4), new ShapleyValue());
        return models.stream().flatMap(m -> LongStream.range(1, 11).mapToObj(seed -> Arguments.of(m.name(), m, seed)));
    }

    @ParameterizedTest(name = "{0}, seed {2}")
    @MethodSource("pathModelsAndSeeds")
    void creditSumsExactlyToTotalConversionsAndValue(String name, AttributionModel model, long seed) {
        PathSet paths = RandomPathSets.generate(seed, CHANNELS, 40);

        Attribution attribution = model.credit(paths);

        assertEquals(0, BigDecimal.valueOf(paths.totalConversions()).compareTo(attribution.creditedConversions()));
        assertEquals(0, paths.totalConversionValue().compareTo(attribution.creditedValue()));
        attribution.channels().forEach(c -> assertTrue(c.conversions().signum() >= 0 && c.value().signum() >= 0, c::toString));
    }

    @ParameterizedTest(name = "{0}, seed {2}")
    @MethodSource("pathModelsAndSeeds")
    void symmetricChannelsGetEqualCredit(String name, AttributionModel model, long seed) {
        PathSet paths = RandomPathSets.symmetrised(RandomPathSets.generate(seed, CHANNELS, 25), "search", "social");

        Attribution attribution = model.credit(paths);

        ChannelCredit search = attribution.creditOf("search");
        ChannelCredit social = attribution.creditOf("social");
        assertTrue(search.conversions().subtract(social.conversions()).abs().compareTo(ONE_UNIT) <= 0,
                search + " vs " + social);
        assertTrue(search.value().subtract(social.value()).abs().compareTo(ONE_UNIT) <= 0, search + " vs " + social);
    }

    @ParameterizedTest(name = "{0}, seed {2}")
    @MethodSource("pathModelsAndSeeds")
    void aChannelWithoutJourneysGetsNothing(String name, AttributionModel model, long seed) {
        PathSet generated = RandomPathSets.generate(seed, CHANNELS, 30);
        List<AggregatedPath> lines = new ArrayList<>(generated.paths());
        lines.add(new AggregatedPath(Path.of("search", "podcast"), 0, BigDecimal.ZERO, 0));
        PathSet paths = new PathSet("EUR", lines);

        Attribution attribution = model.credit(paths);

        assertEquals(0, attribution.creditOf("podcast").conversions().signum());
        assertEquals(0, attribution.creditOf("podcast").value().signum());
        assertEquals(0, attribution.creditOf("never-mentioned").conversions().signum());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void timeDecayCreditsJourneysToTheirTotals(long seed) {
        Random random = new Random(seed);
        Instant now = Instant.parse("2026-11-25T00:00:00Z");
        List<Journey> journeys = new ArrayList<>();
        for (int j = 0; j < 200; j++) {
            int touches = 1 + random.nextInt(6);
            List<Touchpoint> touchpoints = new ArrayList<>();
            Instant at = now.minus(Duration.ofHours(random.nextInt(24 * 60)));
            for (int t = 0; t < touches; t++) {
                touchpoints.add(Touchpoint.of(CHANNELS.get(random.nextInt(CHANNELS.size())), "c" + random.nextInt(3), at));
                at = at.plus(Duration.ofMinutes(random.nextInt(24 * 60 * 5)));
            }
            journeys.add(new Journey(touchpoints, random.nextBoolean()
                    ? java.util.Optional.of(new Conversion(at, BigDecimal.valueOf(random.nextInt(100_000), 2)))
                    : java.util.Optional.empty()));
        }
        JourneySet set = new JourneySet("EUR", journeys);
        long converted = journeys.stream().filter(Journey::converted).count();
        BigDecimal value = journeys.stream().flatMap(j -> j.conversion().stream()).map(Conversion::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);

        Attribution attribution = new TimeDecay(Duration.ofDays(3)).credit(set);

        assertEquals(0, BigDecimal.valueOf(converted).compareTo(attribution.creditedConversions()));
        assertEquals(0, value.compareTo(attribution.creditedValue()));
        BigDecimal byCampaign = attribution.campaigns().stream().map(CampaignCredit::conversions)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, BigDecimal.valueOf(converted).compareTo(byCampaign));
    }

    static LongStream seeds() {
        return LongStream.range(1, 6);
    }
}
