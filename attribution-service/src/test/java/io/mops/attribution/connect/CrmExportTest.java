package io.mops.attribution.connect;

import io.mops.attribution.lines.RejectedLine;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.mops.attribution.connect.ConnectorImportResourceTest.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CrmExportTest {

    private record Read(List<String> deals, List<RejectedLine> rejected, List<Long> ignored) {
    }

    private static Read read(CrmFormat format, Optional<String> currency, String body) {
        Read read = new Read(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        new CrmExport(format, currency).read(new StringReader(body), new CrmExport.Sink() {
            @Override
            public void deal(long number, CrmDeal deal) {
                read.deals().add(number + " " + deal.id() + " " + deal.closeDate() + " " + deal.amount() + " "
                        + deal.currency() + " " + deal.customer() + " " + deal.clickId());
            }

            @Override
            public void rejected(RejectedLine rejected) {
                read.rejected().add(rejected);
            }

            @Override
            public void ignored(long number) {
                read.ignored().add(number);
            }
        });
        return read;
    }

    @Test
    void theSalesforceSampleYieldsItsClosedWonOpportunities() {
        Read read = read(CrmFormat.SALESFORCE, Optional.empty(),
                new String(sample("salesforce-opportunities.csv"), StandardCharsets.UTF_8));

        assertEquals(List.of(
                "2 0065g00000AbCdEAAV 2026-11-24 12500.00 EUR 0035g00000XyZ1AAAF EAIaIQobChMI-demo",
                "3 0065g00000AbCdFAAV 2026-11-21 3400.50 EUR c-1001 null",
                "5 0065g00000AbCdHAAV 2026-11-23 990.00 USD 0035g00000XyZ4AAAF null"), read.deals());
        assertEquals(List.of(4L, 6L), read.ignored());
        assertEquals(List.of(), read.rejected());
    }

    @Test
    void theHubSpotSampleYieldsItsWonDealsWithTheFirstAssociatedContactAndTheCloseDay() {
        Read read = read(CrmFormat.HUBSPOT, Optional.empty(),
                new String(sample("hubspot-deals.csv"), StandardCharsets.UTF_8));

        assertEquals(List.of(
                "2 18200000001 2026-11-21 1299.00 EUR 51 Cj0KCQiA-demo",
                "3 18200000002 2026-11-22 240 EUR c-1001 null",
                "5 18200000004 2026-11-23 480 EUR 88 null"), read.deals());
        assertEquals(List.of(4L), read.ignored());
    }

    @Test
    void aSalesforceReportExportWithLabelsUsCurrencyAmountsAndItsFooterIsRead() {
        Read read = read(CrmFormat.SALESFORCE, Optional.of("EUR"), """
                "Opportunity Name","Stage","Amount","Close Date","Opportunity ID","Contact ID"
                "Acme","Closed Won","EUR 1,234.50","11/20/2026","006A","003A"

                "Opportunity Report"
                "Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."
                """);

        assertEquals(List.of("2 006A 2026-11-20 1234.50 EUR 003A null"), read.deals());
        assertEquals(List.of(4L, 5L), read.ignored());
    }

    @Test
    void anUnreadableRowIsRejectedNamingItsLineAndColumn() {
        Read read = read(CrmFormat.SALESFORCE, Optional.empty(), """
                Id,StageName,Amount,CurrencyIsoCode,CloseDate,ContactId
                006A,Closed Won,abc,EUR,2026-11-20,003A
                006B,Closed Won,10.00,EUR,20 Nov,003B
                006C,Closed Won,,EUR,2026-11-20,003C
                006D,Closed Won,10.00,,2026-11-20,003D
                """);

        assertEquals(List.of(
                new RejectedLine(2, "Amount: cannot read 'abc'"),
                new RejectedLine(3, "CloseDate: cannot read '20 Nov'"),
                new RejectedLine(4, "Amount: missing"),
                new RejectedLine(5, "CurrencyIsoCode: the export names none; add the currency column or the query "
                        + "parameter currency")), read.rejected());
        assertEquals(List.of(), read.deals());
    }

    @Test
    void anExportWithoutTheRequiredColumnsNamesThem() {
        Read read = read(CrmFormat.HUBSPOT, Optional.empty(), "Deal Name,Amount\nA,10\n");

        assertEquals(1, read.rejected().size());
        assertEquals(1, read.rejected().getFirst().line());
        assertEquals(true, read.rejected().getFirst().reason().startsWith("no header row of a hubspot deal export"));
    }

    @Test
    void aCloseDateWithATimeOfDayKeepsItsDay() {
        assertEquals(LocalDate.of(2026, 11, 21), CrmExport.day("2026-11-21 14:03"));
        assertEquals(LocalDate.of(2026, 11, 21), CrmExport.day("2026-11-21T14:03:00Z"));
    }
}
