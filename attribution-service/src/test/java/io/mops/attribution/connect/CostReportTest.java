package io.mops.attribution.connect;

import io.mops.attribution.lines.RejectedLine;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The platforms' sample reports (src/test/resources/connectors, also in docs/connectors), read line by line. */
class CostReportTest {

    record Read(List<String> lines, List<RejectedLine> rejected, List<Long> ignored) {
    }

    static Read read(CostReportFormat format, Optional<String> currency, Reader body) {
        List<String> lines = new ArrayList<>();
        List<RejectedLine> rejected = new ArrayList<>();
        List<Long> ignored = new ArrayList<>();
        new CostReport(format, currency).read(body, new CostReport.Sink() {
            @Override
            public void line(long number, CostLine line) {
                lines.add(number + " " + line.day() + " " + line.campaign() + " " + line.cost().toPlainString() + " "
                        + line.currency());
            }

            @Override
            public void rejected(RejectedLine line) {
                rejected.add(line);
            }

            @Override
            public void ignored(long number) {
                ignored.add(number);
            }
        });
        return new Read(lines, rejected, ignored);
    }

    static Reader sample(String name) {
        return new InputStreamReader(Objects.requireNonNull(CostReportTest.class.getResourceAsStream(
                "/connectors/" + name)), StandardCharsets.UTF_8);
    }

    @Test
    void googleAdsReportWithItsBomTitleThousandsSeparatorsQuotedCommasAndTotalRow() {
        Read read = read(CostReportFormat.GOOGLE_ADS, Optional.empty(), sample("google-ads-campaigns.csv"));

        assertEquals(List.of(
                "4 2026-11-20 Brand | EU 1234.56 EUR",
                "5 2026-11-20 Generic, running shoes 987.10 EUR",
                "6 2026-11-21 Brand | EU 1002.00 EUR",
                "7 2026-11-21 Generic, running shoes 0 EUR"), read.lines());
        assertEquals(List.of(), read.rejected());
        assertEquals(List.of(1L, 2L, 8L), read.ignored());
    }

    @Test
    void microsoftAdvertisingReportWithItsPreambleAndCopyrightFooter() {
        Read read = read(CostReportFormat.MICROSOFT_ADS, Optional.empty(), sample("microsoft-advertising-campaigns.csv"));

        assertEquals(List.of(
                "10 2026-11-20 Bing Brand 310.45 EUR",
                "11 2026-11-21 Bing Brand 1298.70 EUR"), read.lines());
        assertEquals(List.of(), read.rejected());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 13L), read.ignored());
    }

    @Test
    void metaAdsReportTakesItsCurrencyFromTheAmountSpentHeader() {
        Read read = read(CostReportFormat.META_ADS, Optional.empty(), sample("meta-ads-campaigns.csv"));

        assertEquals(List.of(
                "2 2026-11-20 Black Friday, prospecting 1050.25 EUR",
                "3 2026-11-20 Retargeting 30d 310 EUR",
                "4 2026-11-21 Black Friday, prospecting 998.75 EUR"), read.lines());
        assertEquals(List.of(), read.rejected());
    }

    @Test
    void linkedInReportWithUsDatesAndItsPreamble() {
        Read read = read(CostReportFormat.LINKEDIN_ADS, Optional.empty(), sample("linkedin-campaign-manager-campaigns.csv"));

        assertEquals(List.of(
                "9 2026-11-20 Decision makers DACH 412.30 EUR",
                "10 2026-11-21 Decision makers DACH 1003.00 EUR"), read.lines());
        assertEquals(7, read.ignored().size());
    }

    @Test
    void aRowOverSeveralDaysASecondRowOfACampaignDayAndABadCostAreRejectedWithTheirLine() {
        String csv = """
                Reporting starts,Reporting ends,Campaign name,Amount spent (USD)
                2026-11-01,2026-11-30,Month,100
                2026-11-20,2026-11-20,Day,12.00
                2026-11-20,2026-11-20,Day,3.00
                2026-11-21,2026-11-21,Day,lots
                """;

        Read read = read(CostReportFormat.META_ADS, Optional.empty(), new StringReader(csv));

        assertEquals(List.of("3 2026-11-20 Day 12.00 USD"), read.lines());
        assertEquals(List.of(2L, 4L, 5L), read.rejected().stream().map(RejectedLine::line).toList());
        assertTrue(read.rejected().get(0).reason().contains("2026-11-01 to 2026-11-30"));
        assertTrue(read.rejected().get(1).reason().contains("second row"));
        assertEquals("cost: cannot read 'lots'", read.rejected().get(2).reason());
    }

    @Test
    void aReportWithoutCurrencyTakesTheOneGivenOrRejectsTheLine() {
        String csv = "Day,Campaign,Cost\nNov 20, 2026,Brand,5.50\n".replace("Nov 20, 2026", "\"Nov 20, 2026\"");

        assertEquals(List.of("2 2026-11-20 Brand 5.50 CHF"),
                read(CostReportFormat.GOOGLE_ADS, Optional.of("CHF"), new StringReader(csv)).lines());
        Read without = read(CostReportFormat.GOOGLE_ADS, Optional.empty(), new StringReader(csv));
        assertEquals(1, without.rejected().size());
        assertTrue(without.rejected().getFirst().reason().startsWith("currency:"));
    }

    @Test
    void aFileWithoutThePlatformsHeaderIsRejectedNamingTheColumns() {
        Read read = read(CostReportFormat.LINKEDIN_ADS, Optional.empty(),
                new StringReader("Day,Campaign,Cost\n2026-11-20,Brand,1\n"));

        assertEquals(List.of(), read.lines());
        assertEquals(1, read.rejected().size());
        assertTrue(read.rejected().getFirst().reason().contains("Total Spent"), read.rejected().getFirst().reason());
    }

    @Test
    void theDayStylesOfThePlatformsAreRead() {
        LocalDate day = LocalDate.of(2026, 11, 20);
        for (String text : List.of("2026-11-20", "11/20/2026", "Nov 20, 2026", "November 20, 2026",
                "Fri, Nov 20, 2026", "Friday, November 20, 2026", "20261120")) {
            assertEquals(day, CostReportFormat.day(text), text);
        }
        assertEquals(0, new BigDecimal("0").compareTo(PlatformAmount.parse("--")));
    }
}
