package io.mops.budget.trackrecord;

import io.mops.common.events.ChannelPerformanceUpdated.PeriodKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
