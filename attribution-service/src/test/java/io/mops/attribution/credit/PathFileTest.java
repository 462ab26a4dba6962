package io.mops.attribution.credit;

import io.mops.attribution.lines.RejectedLine;
import io.mops.attribution.model.AggregatedPath;
import io.mops.attribution.model.PathSet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathFileTest {

    @Test
    void readsAChannelAttributionExport() {
        String csv = """
                path,total_conversions,total_conversion_value,total_null
                search > email,3,120.50,10
                "Paid Search > E-Mail, Newsletter",1,9.5,0

                social,0,0,4
                """;

        PathSet paths = PathFile.read(csv, "EUR");

        assertEquals(List.of(AggregatedPath.of("search > email", 3, "120.50", 10),
                AggregatedPath.of("Paid Search > E-Mail, Newsletter", 1, "9.5", 0),
                AggregatedPath.of("social", 0, "0", 4)), paths.paths());
    }

    @Test
    void columnsMayComeInAnyOrderAndValueAndNullsAreOptional() {
        PathSet paths = PathFile.read("total_conversions,path\n2.0,a > b\n", "USD");

        assertEquals(List.of(AggregatedPath.of("a > b", 2, "0", 0)), paths.paths());
    }

    @Test
    void everyBadLineIsRejectedWithItsNumberAndReason() {
        String csv = """
                path,total_conversions,total_conversion_value,total_null
                search,1,10,0
                search > > email,1,10,0
                email,-1,0,0
                social,two,0,0
                video,1,10
                display,0,15,3
                affiliate,1.5,3,0
                """;

        PathFileRejectedException rejected = assertThrows(PathFileRejectedException.class,
                () -> PathFile.read(csv, "EUR"));

        assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 8L), rejected.rejected().stream().map(RejectedLine::line).toList());
        assertEquals("path: channel 2 of the path is empty", rejected.rejected().get(0).reason());
        assertEquals("total_conversions must not be negative", rejected.rejected().get(1).reason());
        assertEquals("total_conversions 'two' is not a number", rejected.rejected().get(2).reason());
        assertEquals("expected 4 fields, found 3", rejected.rejected().get(3).reason());
        assertEquals("a path without conversions cannot have conversion value", rejected.rejected().get(4).reason());
        assertEquals("total_conversions '1.5' is not a whole number", rejected.rejected().get(5).reason());
        assertEquals("6 lines rejected; nothing was applied", rejected.getMessage());
    }

    /**
     * 34 decimals and 18 integer digits are read (trailing zeros do not count); beyond either bound the line is
     * rejected, which keeps sums of values to numbers of a sensible size.
     */
    @Test
    void valuesAreBoundedInDigitsNotInMagnitudeOfALong() {
        PathSet read = PathFile.read("""
                path,total_conversions,total_conversion_value
                a,1,0.1234567890123456789012345678901234
                b,1,999999999999999999.5000
                c,1,0.12345678901234567890123456789012340000
                """, "EUR");
        assertEquals(3, read.paths().size());

        PathFileRejectedException rejected = assertThrows(PathFileRejectedException.class, () -> PathFile.read("""
                path,total_conversions,total_conversion_value
                a,1,0.12345678901234567890123456789012345
                b,1,1000000000000000000
                c,1,1e-999999999
                """, "EUR"));
        assertEquals(List.of(2L, 3L, 4L), rejected.rejected().stream().map(RejectedLine::line).toList());
        assertTrue(rejected.rejected().getFirst().reason().contains("at most 18 digits before the decimal point and 34 "
                + "after it"), rejected.rejected().getFirst().reason());
    }

    @Test
    void aHeaderWithUnknownOrMissingColumnsIsRejected() {
        PathFileRejectedException rejected = assertThrows(PathFileRejectedException.class,
                () -> PathFile.read("\"\",path,conversions\n1,a,1\n", "EUR"));

        assertEquals(1, rejected.rejected().size());
        assertEquals(1, rejected.rejected().getFirst().line());
        String reason = rejected.rejected().getFirst().reason();
        assertTrue(reason.contains("unknown column ''") && reason.contains("unknown column 'conversions'")
                && reason.contains("lacks the column 'total_conversions'"), reason);
    }

    @Test
    void anEmptyFileOrOneWithoutPathsIsRejected() {
        assertThrows(PathFileRejectedException.class, () -> PathFile.read("", "EUR"));
        PathFileRejectedException headerOnly = assertThrows(PathFileRejectedException.class,
                () -> PathFile.read("path,total_conversions\n", "EUR"));
        assertTrue(headerOnly.rejected().getFirst().reason().startsWith("the file holds no paths"),
                headerOnly.rejected().toString());
    }

    @Test
    void unbalancedQuotesStopTheReadingAndAreReported() {
        PathFileRejectedException rejected = assertThrows(PathFileRejectedException.class,
                () -> PathFile.read("path,total_conversions\n\"a > b,1\n", "EUR"));

        assertTrue(rejected.rejected().getFirst().reason().startsWith("not readable as CSV"),
                rejected.rejected().toString());
    }

    @Test
    void writtenCsvQuotesFieldsThatNeedIt() {
        assertEquals("channel,x\n\"a, b\",1\n", PathFile.write(List.of(List.of("channel", "x"), List.of("a, b", "1"))));
    }
}
