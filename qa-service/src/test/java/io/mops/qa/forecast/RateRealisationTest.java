package io.mops.qa.forecast;

import io.mops.common.trackrecord.TrackRecord;
import io.mops.qa.forecast.RateRealisation.ForecastRate;
import io.mops.qa.forecast.RateRealisation.Rate;
import io.mops.qa.forecast.RateRealisation.Realised;
import io.mops.qa.forecast.RateRealisation.Result;
import io.mops.qa.forecast.RateRealisation.Unmeasurable;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateRealisationTest {

    private static final Instant MONDAY = Instant.parse("2026-11-02T09:00:00Z");

    private static ForecastRate forecast(Rate rate, String channel, Instant at, long plannedTrials) {
        return new ForecastRate(UUID.randomUUID(), rate, channel, at, 0.03, plannedTrials);
    }

    @Test
    void theRealisedRatesAreTheCampaignsClicksPerExposureAndConversionsPerClick() {
        Result result = new Result("email", 1_000, 37, 5);

        Realised clicks = assertInstanceOf(Realised.class,
                RateRealisation.realise(forecast(Rate.CLICK_RATE, "email", MONDAY, 1_200), result));
        assertEquals(0.037, clicks.rate(), 1e-15);
        assertEquals(1_000, clicks.trials());
        assertEquals("37 clicks of 1,000 exposures (the forecast was for 1,200)", clicks.basis());

        Realised conversions = assertInstanceOf(Realised.class,
                RateRealisation.realise(forecast(Rate.CONVERSION_RATE, "email", MONDAY, 36), result));
        assertEquals(5.0 / 37, conversions.rate(), 1e-15);
        assertEquals(0.135135135135, conversions.rate(), 1e-12);
        assertEquals(37, conversions.trials());
        assertEquals("5 conversions of 37 clicks (the forecast was for 36)", conversions.basis());
    }

    @Test
    void aCampaignWithoutClicksHasAClickRateOfZeroButNoConversionRate() {
        Result result = new Result("sms", 4_000, 0, 0);
        Realised clicks = assertInstanceOf(Realised.class,
                RateRealisation.realise(forecast(Rate.CLICK_RATE, "sms", MONDAY, 4_000), result));
        assertEquals(0.0, clicks.rate());
        Unmeasurable conversions = assertInstanceOf(Unmeasurable.class,
                RateRealisation.realise(forecast(Rate.CONVERSION_RATE, "sms", MONDAY, 80), result));
        assertTrue(conversions.why().contains("no clicks"), conversions.why());
        assertInstanceOf(Unmeasurable.class,
                RateRealisation.realise(forecast(Rate.CLICK_RATE, "sms", MONDAY, 10), new Result("sms", 0, 0, 0)));
    }

    @Test
    void resultsOfAnotherChannelDoNotRealiseTheForecast() {
        Unmeasurable other = assertInstanceOf(Unmeasurable.class, RateRealisation.realise(
                forecast(Rate.CLICK_RATE, "email", MONDAY, 1_000), new Result("social", 1_000, 20, 1)));
        assertTrue(other.why().contains("'social'") && other.why().contains("'email'"), other.why());
    }

    @Test
    void onlyTheNewestForecastPerRateIsCountedWhateverTheOrder() {
        ForecastRate firstClicks = forecast(Rate.CLICK_RATE, "email", MONDAY, 1_000);
        ForecastRate secondClicks = forecast(Rate.CLICK_RATE, "email", MONDAY.plusSeconds(60), 1_000);
        ForecastRate lastClicks = forecast(Rate.CLICK_RATE, "email", MONDAY.plusSeconds(3_600), 1_000);
        ForecastRate firstConversions = forecast(Rate.CONVERSION_RATE, "email", MONDAY, 30);
        ForecastRate lastConversions = forecast(Rate.CONVERSION_RATE, "email", MONDAY.plusSeconds(3_600), 30);
        Set<UUID> expected = Set.of(firstClicks.id(), secondClicks.id(), firstConversions.id());
        List<ForecastRate> all = new ArrayList<>(List.of(firstClicks, secondClicks, lastClicks, firstConversions,
                lastConversions));
        Random random = new Random(12);
        for (int shuffle = 0; shuffle < 10; shuffle++) {
            Collections.shuffle(all, random);
            assertEquals(expected, RateRealisation.superseded(all));
        }
        assertEquals(Set.of(), RateRealisation.superseded(List.of(lastClicks, lastConversions)));
    }

    @Test
    void calibrationCountsOnlyTheNewestRealisedForecastsAndLeavesTheUnmeasurableOut() {
        RateForecastRecord inside = record(0.03, 0.02, 0.04, RateForecastRecord.Status.REALISED, true, 0.035);
        RateForecastRecord outside = record(0.10, 0.08, 0.12, RateForecastRecord.Status.REALISED, true, 0.05);
        RateForecastRecord superseded = record(0.50, 0.49, 0.51, RateForecastRecord.Status.REALISED, false, 0.05);
        RateForecastRecord unmeasurable = record(0.02, 0.01, 0.03, RateForecastRecord.Status.UNMEASURABLE, true,
                null);
        RateForecastRecord pending = record(0.02, 0.01, 0.03, RateForecastRecord.Status.PENDING, true, null);

        TrackRecord track = ForecastTrackRecord.trackRecord(List.of(inside, outside, superseded, unmeasurable,
                pending));

        assertEquals(5, track.decisions().size());
        assertEquals(0.05, track.decisions().get(2).realised(), "a superseded forecast still shows its outcome");
        assertNull(track.decisions().get(3).realised());
        // By hand over the two counted realised forecasts: one of two inside; errors +0.005 and -0.05.
        assertEquals(2, track.calibration().realised());
        assertEquals(1, track.calibration().pending());
        assertEquals(0.5, track.calibration().shareInsideInterval(), 1e-15);
        assertEquals(-0.0225, track.calibration().meanError(), 1e-15);
        assertEquals(0.0275, track.calibration().meanAbsoluteError(), 1e-15);
        assertNull(track.calibration().warning(), "two realised forecasts are too few to warn on");
        assertEquals("CLICK_RATE", track.decisions().getFirst().kind());
        assertEquals(List.of("email"), track.decisions().getFirst().channels());
        assertEquals(0.02, track.decisions().getFirst().forecast().low());
        assertEquals(0.04, track.decisions().getFirst().forecast().high());
    }

    private static RateForecastRecord record(double expected, double low, double high,
                                             RateForecastRecord.Status status, boolean counted, Double realised) {
        RateForecastRecord record = new RateForecastRecord();
        record.id = UUID.randomUUID();
        record.runId = UUID.randomUUID();
        record.campaignId = "calibration-" + record.id;
        record.channel = "email";
        record.audience = "everyone";
        record.rate = Rate.CLICK_RATE;
        record.forecastAt = MONDAY;
        record.expectedRate = expected;
        record.lowRate = low;
        record.highRate = high;
        record.plannedTrials = 1_000;
        record.status = status;
        record.counted = counted;
        record.realisedRate = realised;
        record.realisedAt = realised == null ? null : MONDAY.plusSeconds(86_400 * 30);
        record.basis = "by hand";
        return record;
    }
}
