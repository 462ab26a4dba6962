package io.mops.attribution.connect;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.attribution.lines.RejectedLine;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.mops.attribution.connect.CostReportTest.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample export (src/test/resources/connectors/ga4-events_20261120.json), read event by event. */
class Ga4ExportTest {

    record Read(List<Ga4Event> events, List<Long> numbers, List<RejectedLine> rejected, List<Long> ignored) {
    }

    static Read read(Set<String> keyEvents, java.io.Reader body) {
        List<Ga4Event> events = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        List<RejectedLine> rejected = new ArrayList<>();
        List<Long> ignored = new ArrayList<>();
        new Ga4Export(new ObjectMapper(), Set.of("session_start"), keyEvents).read(body, new Ga4Export.Sink() {
            @Override
            public void event(long number, Ga4Event event) {
                numbers.add(number);
                events.add(event);
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
        return new Read(events, numbers, rejected, ignored);
    }

    @Test
    void sessionsBecomeVisitsWithTheirCollectedTrafficSourceAndPurchasesKeyEvents() {
        Read read = read(Set.of("purchase"), sample("ga4-events_20261120.json"));

        assertEquals(List.of(1L, 3L, 4L, 5L, 7L), read.numbers());
        assertEquals(List.of(2L, 6L), read.ignored());
        assertEquals(List.of(), read.rejected());

        Ga4Event.Visit paid = (Ga4Event.Visit) read.events().get(0);
        assertEquals(Instant.parse("2026-11-20T09:00:00Z"), paid.occurredAt());
        assertEquals(List.of("google", "cpc", "Brand | EU", "Cj0KCQiA-demo"),
                List.of(paid.source(), paid.medium(), paid.campaign(), paid.gclid()));
        assertEquals("1840392021.1795165200", paid.pseudoId());
        assertEquals(null, paid.userId());

        // the user-scoped traffic_source says google (the first visit); the session's own source is the newsletter
        Ga4Event.Visit newsletter = (Ga4Event.Visit) read.events().get(1);
        assertEquals(List.of("newsletter", "email", "bf-teaser"),
                List.of(newsletter.source(), newsletter.medium(), newsletter.campaign()));
        assertEquals("c-1001", newsletter.userId());

        Ga4Event.KeyEvent purchase = (Ga4Event.KeyEvent) read.events().get(2);
        assertEquals(Instant.parse("2026-11-20T11:02:00Z"), purchase.occurredAt());
        assertEquals(0, new BigDecimal("129.9").compareTo(purchase.value()));
        assertEquals("EUR", purchase.currency());
        assertEquals("c-1001", purchase.userId());

        Ga4Event.Visit autoTagged = (Ga4Event.Visit) read.events().get(3);
        assertEquals(List.of("google", "cpc"), List.of(autoTagged.source(), autoTagged.medium()));
        assertEquals(null, autoTagged.campaign());

        Ga4Event.Visit direct = (Ga4Event.Visit) read.events().get(4);
        assertEquals(List.of("(direct)", "(none)"), List.of(direct.source(), direct.medium()));
    }

    @Test
    void aConfiguredKeyEventIsAConversionWithItsValueParameter() {
        Read read = read(Set.of("purchase", "generate_lead"), sample("ga4-events_20261120.json"));

        Ga4Event.KeyEvent lead = (Ga4Event.KeyEvent) read.events().get(4);
        assertEquals("generate_lead", lead.name());
        assertEquals(0, new BigDecimal("40").compareTo(lead.value()));
        assertEquals("EUR", lead.currency());
        assertEquals("99001122.1795185910", lead.pseudoId());
    }

    @Test
    void withoutAValueInItsCurrencyAKeyEventIsWorthItsUsdValueAndTimestampsMayBeNumbers() {
        String line = """
                {"event_timestamp":1795172520000000,"event_name":"purchase","user_pseudo_id":"p","event_value_in_usd":12.5}
                """;

        Ga4Event.KeyEvent purchase = (Ga4Event.KeyEvent) read(Set.of("purchase"), new StringReader(line)).events().getFirst();

        assertEquals(0, new BigDecimal("12.5").compareTo(purchase.value()));
        assertEquals("USD", purchase.currency());
        assertEquals(Instant.parse("2026-11-20T11:02:00Z"), purchase.occurredAt());
    }

    @Test
    void brokenLinesAreRejectedWithTheirNumberAndReason() {
        String body = """
                {"event_timestamp":"1","event_name":"session_start"}
                not json
                {"event_timestamp":"soon","event_name":"session_start","user_pseudo_id":"p"}
                {"event_timestamp":"1","event_name":"purchase","user_pseudo_id":"p","event_params":[{"key":"value","value":{"double_value":3.5}}]}
                """;

        Read read = read(Set.of("purchase"), new StringReader(body));

        assertEquals(List.of(1L, 2L, 3L, 4L), read.rejected().stream().map(RejectedLine::line).toList());
        assertTrue(read.rejected().get(0).reason().startsWith("user_pseudo_id"));
        assertTrue(read.rejected().get(1).reason().startsWith("not a JSON object"));
        assertEquals("event_timestamp: cannot read 'soon'", read.rejected().get(2).reason());
        assertTrue(read.rejected().get(3).reason().startsWith("currency"));
    }
}
