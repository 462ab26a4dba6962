package io.mops.attribution.performance;

import io.mops.common.events.ChannelPerformanceUpdated.Direction;
import io.mops.common.events.ChannelPerformanceUpdated.Trend;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChannelTrendTest {

    private static final LocalDate START = LocalDate.parse("2026-10-04");
    private static final LocalDate END = LocalDate.parse("2026-10-31");

    private static ChannelFigures credited(String conversions, String value) {
        return new ChannelFigures("search", new BigDecimal(conversions), new BigDecimal(value), BigDecimal.ZERO, null);
    }

    private static Direction direction(ChannelFigures before, ChannelFigures now) {
        return ChannelTrend.between(before, now, START, END).direction();
    }

    @Test
    void theTrendCarriesThePreviousWindowAndItsCredit() {
        Trend trend = ChannelTrend.between(credited("4", "400"), credited("5", "500"), START, END);

        assertEquals(new Trend(START, END, new BigDecimal("4"), new BigDecimal("400"), Direction.UP), trend);
    }

    @Test
    void aMoveOfMoreThanFivePercentOfTheValueIsUpOrDown() {
        assertEquals(Direction.UP, direction(credited("10", "1000"), credited("10", "1050.01")));
        assertEquals(Direction.DOWN, direction(credited("10", "1000"), credited("10", "949.99")));
    }

    @Test
    void aMoveOfAtMostFivePercentIsFlat() {
        assertEquals(Direction.FLAT, direction(credited("10", "1000"), credited("12", "1050")));
        assertEquals(Direction.FLAT, direction(credited("10", "1000"), credited("8", "950")));
        assertEquals(Direction.FLAT, direction(credited("10", "1000"), credited("10", "1000.0000")));
    }

    @Test
    void fromNothingToSomethingIsUpAndFromSomethingToNothingIsDown() {
        assertEquals(Direction.UP, direction(ChannelFigures.nothing("search"), credited("1", "10")));
        assertEquals(Direction.DOWN, direction(credited("1", "10"), ChannelFigures.nothing("search")));
        assertEquals(Direction.FLAT, direction(ChannelFigures.nothing("search"), ChannelFigures.nothing("search")));
    }

    @Test
    void withoutValueInEitherWindowConversionsDecide() {
        assertEquals(Direction.UP, direction(credited("2", "0"), credited("3", "0")));
        assertEquals(Direction.DOWN, direction(credited("3", "0"), credited("2", "0")));
    }
}
