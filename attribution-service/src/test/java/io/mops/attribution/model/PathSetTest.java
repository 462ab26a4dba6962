package io.mops.attribution.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PathSetTest {

    static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void pathsReadAndWriteTheChannelAttributionFormat() {
        assertEquals(List.of("search", "email", "search"), Path.parse("search > email>search").channels());
        assertEquals("Paid Search > E-Mail", Path.parse("  Paid Search  >  E-Mail ").toString());
    }

    @Test
    void emptyPathsAndEmptyChannelsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Path.parse(" "));
        assertThrows(IllegalArgumentException.class, () -> Path.parse("search > > email"));
        assertThrows(IllegalArgumentException.class, () -> Path.parse("search >"));
    }

    @Test
    void journeysAggregateIntoPathsWithConversionsValueAndNulls() {
        List<Journey> journeys = List.of(
                Journey.converted(new Conversion(T.plusSeconds(9), new BigDecimal("40.50")),
                        Touchpoint.of("search", T), Touchpoint.of("email", T.plusSeconds(5))),
                Journey.converted(new Conversion(T.plusSeconds(9), new BigDecimal("9.50")),
                        Touchpoint.of("search", T), Touchpoint.of("email", T.plusSeconds(1))),
                Journey.notConverted(Touchpoint.of("search", T), Touchpoint.of("email", T)),
                Journey.notConverted(Touchpoint.of("social", T)));

        PathSet paths = PathSet.aggregate("EUR", journeys);

        assertEquals(List.of(new AggregatedPath(Path.of("search", "email"), 2, new BigDecimal("50.00"), 1),
                new AggregatedPath(Path.of("social"), 0, BigDecimal.ZERO, 1)), paths.paths());
        assertEquals(2, paths.totalConversions());
        assertEquals(2, paths.totalNulls());
    }

    @Test
    void linesWithTheSamePathAreMerged() {
        PathSet paths = new PathSet("EUR", List.of(AggregatedPath.of("a > b", 1, "10", 2),
                AggregatedPath.of("a>b", 3, "5.5", 0)));

        assertEquals(List.of(AggregatedPath.of("a > b", 4, "15.5", 2)), paths.paths());
    }

    @Test
    void valueWithoutConversionsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AggregatedPath.of("a", 0, "10", 1));
    }

    @Test
    void journeysConvertAfterTheirLastTouchpoint() {
        assertThrows(IllegalArgumentException.class, () -> Journey.converted(new Conversion(T, BigDecimal.ONE),
                Touchpoint.of("search", T.plusSeconds(1))));
    }
}
