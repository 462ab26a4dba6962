package io.mops.budget.trackrecord;

import io.mops.common.events.ChannelPerformanceUpdated.PeriodKind;
import io.mops.common.trackrecord.Forecast;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MoveRealisationTest {

    /** A Wednesday: its ISO week runs Monday 2026-11-09 to Sunday 2026-11-15. */
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 11);

    @Test
    void theWeekOfTheMoveIsLeftOutAndTheWindowsAreWholeWeeksAroundIt() {
        MoveRealisation.Window window = MoveRealisation.Window.around(WEDNESDAY, PeriodKind.WEEK, 2);
        assertEquals(LocalDate.of(2026, 10, 26), window.baselineStart());
        assertEquals(LocalDate.of(2026, 11, 8), window.baselineEnd());
        assertEquals(LocalDate.of(2026, 11, 16), window.afterStart());
        assertEquals(LocalDate.of(2026, 11, 29), window.afterEnd());
    }

    @Test
    void theDayOfTheMoveIsLeftOutForDailyEvidence() {
        MoveRealisation.Window window = MoveRealisation.Window.around(WEDNESDAY, PeriodKind.DAY, 3);
        assertEquals(LocalDate.of(2026, 11, 8), window.baselineStart());
        assertEquals(LocalDate.of(2026, 11, 10), window.baselineEnd());
        assertEquals(LocalDate.of(2026, 11, 12), window.afterStart());
        assertEquals(LocalDate.of(2026, 11, 14), window.afterEnd());
    }

    @Test
    void realisedChangeIsTheDifferenceOfMeansScaledToThePlansPeriod() {
        MoveRealisation.Window window = MoveRealisation.Window.around(WEDNESDAY, PeriodKind.WEEK, 2);
        // By hand: search 100, 120 before and 150, 170 after (means 110 and 160); social 50, 70 and 40, 40 (60 and
        // 40). Together 170 a week before and 200 after: +30 a week; a 30-day plan spans 30/7 weeks: +128.571…
        List<MoveRealisation.PeriodValue> values = weekly("search", 100, 120, 150, 170);
        values.addAll(weekly("social", 50, 70, 40, 40));
        values.add(new MoveRealisation.PeriodValue("email", LocalDate.of(2026, 11, 16), 1_000_000));
        values.add(new MoveRealisation.PeriodValue("search", LocalDate.of(2026, 11, 9), 1_000_000));

        MoveRealisation.Result result = MoveRealisation.realise(window, Set.of("search", "social"), values, 30 / 7.0,
                LocalDate.of(2026, 11, 30));

        MoveRealisation.Realised realised = assertInstanceOf(MoveRealisation.Realised.class, result);
        assertEquals(170, realised.baselinePerPeriod(), 1e-12);
        assertEquals(200, realised.afterPerPeriod(), 1e-12);
        assertEquals(30 * 30 / 7.0, realised.change(), 1e-9);
    }

    @Test
    void theMeasurementsStandardErrorComesFromTheSpreadInsideTheWindows() {
        MoveRealisation.Window window = MoveRealisation.Window.around(WEDNESDAY, PeriodKind.WEEK, 2);
        // By hand: both channels together 150, 190 before (variance 800) and 190, 210 after (variance 200):
        // √(800 / 2 + 200 / 2) = √500 = 22.3607 a week, times 30/7 weeks = 95.831; two periods a side give two
        // degrees of freedom, t(0.95, 2) = 2.919986 from the t table against z(0.95) = 1.644854: 170.124.
        List<MoveRealisation.PeriodValue> values = weekly("search", 100, 120, 150, 170);
        values.addAll(weekly("social", 50, 70, 40, 40));

        MoveRealisation.Realised realised = assertInstanceOf(MoveRealisation.Realised.class, MoveRealisation.realise(
                window, Set.of("search", "social"), values, 30 / 7.0, LocalDate.of(2026, 11, 30)));

        assertEquals(30 / 7.0 * Math.sqrt(500) * 2.919986 / 1.644854, realised.measurementStandardError(), 1e-3);
        assertTrue(realised.basis().contains("standard error 170.12"), realised.basis());
    }

    @Test
    void oneCleanPeriodASideHasNoSpreadToMeasureNoiseBy() {
        MoveRealisation.Window window = MoveRealisation.Window.around(WEDNESDAY, PeriodKind.DAY, 1);
        List<MoveRealisation.PeriodValue> values = List.of(
                new MoveRealisation.PeriodValue("search", LocalDate.of(2026, 11, 10), 100),
                new MoveRealisation.PeriodValue("search", LocalDate.of(2026, 11, 12), 130));

        MoveRealisation.Realised realised = assertInstanceOf(MoveRealisation.Realised.class, MoveRealisation.realise(
                window, Set.of("search"), values, 10, LocalDate.of(2026, 11, 13)));

        assertEquals(300, realised.change(), 1e-9);
        assertNull(realised.measurementStandardError());
    }

    @Test
    void anotherChangeOfThePlanInsideTheWindowMakesTheMoveUnmeasurable() {
        // Daily evidence, three days a side: 2026-11-08 to 11-10 before, 11-12 to 11-14 after.
        MoveRealisation.Window window = MoveRealisation.Window.around(WEDNESDAY, PeriodKind.DAY, 3);
        var before = new MoveRealisation.OtherChange("move a", LocalDate.of(2026, 11, 7));
        var after = new MoveRealisation.OtherChange("move b", LocalDate.of(2026, 11, 15));
        assertTrue(MoveRealisation.overlapped(window, List.of(before, after)).isEmpty(), "both outside the window");

        var sameDay = new MoveRealisation.OtherChange("exploration step c", WEDNESDAY);
        var firstDay = new MoveRealisation.OtherChange("rollback of move d", LocalDate.of(2026, 11, 8));
        var lastDay = new MoveRealisation.OtherChange("move e", LocalDate.of(2026, 11, 14));
        assertTrue(MoveRealisation.overlapped(window, List.of(before, sameDay)).orElseThrow().why()
                .startsWith("exploration step c on 2026-11-11"));
        assertTrue(MoveRealisation.overlapped(window, List.of(lastDay, firstDay, after)).orElseThrow().why()
                .startsWith("rollback of move d on 2026-11-08"), "the earliest inside is named");
        assertTrue(MoveRealisation.overlapped(window, List.of(lastDay)).isPresent());
    }

    /**
     * Against a simulated truth: the moved channels' outcome per day is normal around a known mean before the move
     * and another after it, so the true change is known; an honest forecaster's point forecast misses it by its own
     * standard error. Judged against the forecast's interval widened by the measured noise, the realised values
     * land inside nine times in ten, as a 90 % interval should; judged against the forecast's own interval, they
     * land inside far less often, which is what the loop's 90-day simulation saw (none of 27 inside).
     */
    @Test
    void realisedValuesLandInsideTheJudgedIntervalNineTimesInTen() {
        MoveRealisation.Window window = MoveRealisation.Window.around(WEDNESDAY, PeriodKind.DAY, 4);
        Random random = new Random(20261208);
        double planPeriods = 60;
        double before = 400;
        double after = 430;
        double noise = 40;
        double trueChange = (after - before) * planPeriods;
        double forecastError = 300;
        int runs = 4000;
        int insideJudged = 0;
        int insideForecast = 0;
        for (int run = 0; run < runs; run++) {
            List<MoveRealisation.PeriodValue> values = new ArrayList<>();
            for (int day = 0; day < 4; day++) {
                values.add(new MoveRealisation.PeriodValue("search", window.baselineStart().plusDays(day),
                        before + noise * random.nextGaussian()));
                values.add(new MoveRealisation.PeriodValue("search", window.afterStart().plusDays(day),
                        after + noise * random.nextGaussian()));
            }
            Forecast forecast = Forecast.withStandardError(trueChange + forecastError * random.nextGaussian(),
                    forecastError);
            MoveRealisation.Realised realised = assertInstanceOf(MoveRealisation.Realised.class,
                    MoveRealisation.realise(window, Set.of("search"), values, planPeriods, LocalDate.of(2026, 11, 20)));
            if (forecast.widenedBy(realised.measurementStandardError()).holds(realised.change())) {
                insideJudged++;
            }
            if (forecast.holds(realised.change())) {
                insideForecast++;
            }
        }
        // 4,000 runs: a true 90 % lands within ±0.019 (four binomial standard deviations) nearly always.
        double judged = (double) insideJudged / runs;
        assertTrue(judged > 0.88 && judged < 0.93, "judged interval held " + judged);
        // The measurement's noise (60 × 40 × √(2/4) ≈ 1,697) dwarfs the forecast's 300: about 23 % by the normal law.
        double own = (double) insideForecast / runs;
        assertTrue(own < 0.30, "forecast's own interval held " + own);
    }

    @Test
    void aMoveIsPendingUntilTheLastPeriodAfterItHasEnded() {
        MoveRealisation.Window window = MoveRealisation.Window.around(WEDNESDAY, PeriodKind.WEEK, 2);
        List<MoveRealisation.PeriodValue> values = weekly("search", 100, 120, 150, 170);

        MoveRealisation.Result onTheLastDay = MoveRealisation.realise(window, Set.of("search"), values, 1,
                LocalDate.of(2026, 11, 29));

        assertInstanceOf(MoveRealisation.Pending.class, onTheLastDay);
    }

    @Test
    void aMissingPeriodKeepsTheMovePendingAndIsNamed() {
        MoveRealisation.Window window = MoveRealisation.Window.around(WEDNESDAY, PeriodKind.WEEK, 2);
        List<MoveRealisation.PeriodValue> values = weekly("search", 100, 120, 150, 170);
        values.remove(3);

        MoveRealisation.Result result = MoveRealisation.realise(window, Set.of("search"), values, 1,
                LocalDate.of(2026, 12, 31));

        MoveRealisation.Pending pending = assertInstanceOf(MoveRealisation.Pending.class, result);
        assertTrue(pending.why().contains("search 2026-11-23"), pending.why());
    }

    @Test
    void aMoveRolledBackBeforeItsWindowEndedCannotBeMeasured() {
        MoveRealisation.Window window = MoveRealisation.Window.around(WEDNESDAY, PeriodKind.WEEK, 2);
        assertTrue(MoveRealisation.rolledBack(window, LocalDate.of(2026, 11, 29)).isPresent());
        assertTrue(MoveRealisation.rolledBack(window, LocalDate.of(2026, 11, 30)).isEmpty());
    }

    /** Two weeks before the move's week and two after, from Monday 2026-10-26. */
    private static List<MoveRealisation.PeriodValue> weekly(String channel, double... values) {
        LocalDate[] starts = {LocalDate.of(2026, 10, 26), LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 16),
                LocalDate.of(2026, 11, 23)};
        List<MoveRealisation.PeriodValue> periods = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            periods.add(new MoveRealisation.PeriodValue(channel, starts[i], values[i]));
        }
        return periods;
    }
}
