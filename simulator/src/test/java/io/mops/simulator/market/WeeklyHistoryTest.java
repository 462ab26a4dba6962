package io.mops.simulator.market;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeeklyHistoryTest {

    private static final ChannelSpec SEARCH = new ChannelSpec("search", new ResponseSpec(ResponseSpec.ADSTOCK_HILL, 0.5,
            200.0, 1_000.0, 2.0, null, null, null, null), 5.0, new ChannelSpec.ValueSpec(40, 0), null, null, null);

    private final WeeklyHistory history = new WeeklyHistory(List.of(SEARCH), new double[] {1_000},
            LocalDate.parse("2026-01-05"), 10, 3);

    @Test
    void eachWeekSpendsOneOfTheLevelsFromTwentyToTwoHundredPercentOnceSpreadOverItsDays() {
        double[] weekly = new double[10];
        for (int w = 0; w < 10; w++) {
            double days = 0;
            for (int d = 0; d < 7; d++) {
                days += history.dailySpend(w * 7 + d, 0);
                assertEquals(history.weeklySpend(w, 0) / 7, history.dailySpend(w * 7 + d, 0), 0.07);
            }
            assertEquals(history.weeklySpend(w, 0), days, 1e-6);
            weekly[w] = history.weeklySpend(w, 0);
        }
        Arrays.sort(weekly);
        for (int i = 0; i < 10; i++) {
            assertEquals(200 + 1_800.0 * i / 9, weekly[i], 0.006, "level " + i); // 20 % .. 200 % of 1,000
        }
    }

    @Test
    void expectedConversionsFollowTheWeeklyAdstockAndHillCurve() {
        double adstock = 0;
        for (int w = 0; w < 10; w++) {
            adstock = history.weeklySpend(w, 0) + 0.5 * adstock;
            double hill = adstock * adstock / (adstock * adstock + 1_000.0 * 1_000.0);
            assertEquals(200 * hill, history.expectedConversions(w, 0), 1e-9, "week " + w);
        }
        // steady state at 1,000 a week: adstock 2,000, 200 × 4/5 conversions worth 40 each
        assertEquals(40 * 200 * 0.8, history.trueSteadyWeeklyValue(0, 1_000), 1e-9);
    }

    @Test
    void everyConversionIsTheOnlyJourneyOfItsCustomerWithOneTouchOfItsChannelEarlierThatDay() {
        for (int w = 0; w < 10; w++) {
            Map<String, Integer> touchesByUser = new HashMap<>();
            Map<String, java.time.Instant> touchedAt = new HashMap<>();
            history.touches(w).forEach(t -> {
                touchesByUser.merge(t.userId(), 1, Integer::sum);
                touchedAt.put(t.userId(), t.at());
                assertEquals("search", t.channel());
            });
            assertEquals(history.causedConversions(w, 0), history.purchases(w).size());
            assertEquals(history.causedConversions(w, 0), touchesByUser.size());
            for (var purchase : history.purchases(w)) {
                assertEquals(1, touchesByUser.get(purchase.userId()));
                var touch = touchedAt.get(purchase.userId());
                assertTrue(purchase.at().isAfter(touch));
                assertEquals(touch.atZone(ZoneOffset.UTC).toLocalDate(), purchase.at().atZone(ZoneOffset.UTC).toLocalDate());
                assertEquals(history.monday(w), purchase.at().atZone(ZoneOffset.UTC).toLocalDate()
                        .with(java.time.DayOfWeek.MONDAY));
                assertEquals(40, purchase.value());
            }
        }
    }
}
