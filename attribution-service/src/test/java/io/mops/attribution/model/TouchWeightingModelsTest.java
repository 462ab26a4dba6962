package io.mops.attribution.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TouchWeightingModelsTest {

    static final Instant CONVERTED = Instant.parse("2026-11-20T12:00:00Z");

    /** search > email > social > search, 10 conversions worth 1000; social alone, 2 conversions worth 50. */
    static PathSet paths() {
        return new PathSet("EUR", List.of(AggregatedPath.of("search > email > social > search", 10, "1000", 40),
                AggregatedPath.of("social", 2, "50", 8)));
    }

    @Test
    void firstTouchCreditsTheChannelThatOpenedTheJourney() {
        Attribution attribution = new FirstTouch().credit(paths());

        assertEquals(new BigDecimal("10.0000"), attribution.creditOf("search").conversions());
        assertEquals(new BigDecimal("2.0000"), attribution.creditOf("social").conversions());
        assertEquals(new BigDecimal("0.0000"), attribution.creditOf("email").conversions());
    }

    @Test
    void lastTouchCreditsTheChannelThatClosed() {
        Attribution attribution = new LastTouch().credit(paths());

        assertEquals(new BigDecimal("10.0000"), attribution.creditOf("search").conversions());
        assertEquals(new BigDecimal("1000.0000"), attribution.creditOf("search").value());
        assertEquals(new BigDecimal("2.0000"), attribution.creditOf("social").conversions());
    }

    /** Four touchpoints share 10 conversions: 2.5 each; search was touched twice, so 5. */
    @Test
    void linearSplitsEquallyPerTouchpoint() {
        Attribution attribution = new Linear().credit(paths());

        assertEquals(new BigDecimal("5.0000"), attribution.creditOf("search").conversions());
        assertEquals(new BigDecimal("2.5000"), attribution.creditOf("email").conversions());
        assertEquals(new BigDecimal("4.5000"), attribution.creditOf("social").conversions());
        assertEquals(new BigDecimal("250.0000"), attribution.creditOf("email").value());
    }

    /** 40/20/40: first and last search 0.4 each, email and social 0.1 each of the middle 0.2. */
    @Test
    void positionBasedGivesFortyTwentyForty() {
        Attribution attribution = new PositionBased().credit(paths());

        assertEquals(new BigDecimal("8.0000"), attribution.creditOf("search").conversions());
        assertEquals(new BigDecimal("1.0000"), attribution.creditOf("email").conversions());
        assertEquals(new BigDecimal("3.0000"), attribution.creditOf("social").conversions());
    }

    @Test
    void positionBasedSharesAreConfigurableAndTwoTouchJourneysSplitInTheirRatio() {
        PositionBased model = new PositionBased(0.3, 0.5);

        assertArrayEquals(new double[]{0.3, 0.1, 0.1, 0.5}, model.weights(4), 1e-12);
        assertArrayEquals(new double[]{0.375, 0.625}, model.weights(2), 1e-12);
        assertArrayEquals(new double[]{1.0}, model.weights(1), 1e-12);
        assertThrows(AttributionInputException.class, () -> new PositionBased(0.7, 0.5));
    }

    /**
     * Half-life 7 days; touchpoints 14, 7 and 0 days before the conversion weigh 2^-2, 2^-1, 2^0 = 1/4, 1/2, 1;
     * normalised by 7/4 they are 1/7, 2/7, 4/7.
     */
    @Test
    void timeDecayWeightsHalveWithEveryHalfLife() {
        TimeDecay model = new TimeDecay(Duration.ofDays(7));
        List<Touchpoint> touchpoints = List.of(
                Touchpoint.of("display", CONVERTED.minus(Duration.ofDays(14))),
                Touchpoint.of("social", CONVERTED.minus(Duration.ofDays(7))),
                Touchpoint.of("search", CONVERTED));

        double[] weights = model.weights(touchpoints, new Conversion(CONVERTED, BigDecimal.TEN));

        assertArrayEquals(new double[]{1.0 / 7, 2.0 / 7, 4.0 / 7}, weights, 1e-12);
    }

    /**
     * Half-life 1 day; touchpoints 36 h and 12 h before the conversion weigh 2^-1.5 and 2^-0.5, in the ratio 1 : 2.
     * Of one conversion worth 90, the banner campaign gets 1/3 (30) and the brand search campaign 2/3 (60).
     */
    @Test
    void timeDecayCreditsCampaignsOfJourneys() {
        Journey journey = Journey.converted(new Conversion(CONVERTED, new BigDecimal("90")),
                Touchpoint.of("display", "banner-q4", CONVERTED.minus(Duration.ofHours(36))),
                Touchpoint.of("search", "brand", CONVERTED.minus(Duration.ofHours(12))));
        Journey lost = Journey.notConverted(Touchpoint.of("display", "banner-q4", CONVERTED));

        Attribution attribution = new TimeDecay(Duration.ofDays(1)).credit(new JourneySet("EUR", List.of(journey, lost)));

        assertEquals(new BigDecimal("30.0000"), attribution.creditOf("display").value());
        assertEquals(new BigDecimal("0.6667"), attribution.creditOf("search").conversions());
        CampaignCredit brand = attribution.campaigns().stream().filter(c -> c.channel().equals("search")).findFirst()
                .orElseThrow();
        assertEquals(Optional.of("brand"), brand.campaign());
        assertEquals(new BigDecimal("60.0000"), brand.value());
        assertEquals(1, attribution.totalConversions());
    }

    @Test
    void timeDecayNeedsTouchpointTimesSoItRefusesAggregatedPaths() {
        assertThrows(AttributionInputException.class, () -> new TimeDecay().credit(paths()));
    }

    @Test
    void touchpointsLongBeforeTheConversionStillShareTheCredit() {
        Journey journey = Journey.converted(new Conversion(CONVERTED, BigDecimal.ONE),
                Touchpoint.of("a", CONVERTED.minus(Duration.ofDays(20_000))),
                Touchpoint.of("b", CONVERTED.minus(Duration.ofDays(20_000))));

        Attribution attribution = new TimeDecay(Duration.ofHours(1)).credit(new JourneySet("EUR", List.of(journey)));

        assertEquals(new BigDecimal("0.5000"), attribution.creditOf("a").conversions());
    }
}
