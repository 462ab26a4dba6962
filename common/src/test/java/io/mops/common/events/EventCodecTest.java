package io.mops.common.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.mops.common.events.ChannelPerformanceUpdated.PeriodKind;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventCodecTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Validator validator = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    private final EventCodec codec = new EventCodec(mapper, validator, "attribution-service", java.time.Clock.systemUTC());

    private final ChannelPerformanceUpdated search = new ChannelPerformanceUpdated("search", "linear", PeriodKind.WEEK,
            LocalDate.parse("2026-11-16"), LocalDate.parse("2026-11-22"), "UTC", 1, new BigDecimal("10"),
            new BigDecimal("500.00"), new BigDecimal("250.00"), "EUR", new BigDecimal("2.0000"));

    @Test
    void writtenEventReadsBackWithEnvelopeAndData() {
        EventEnvelope envelope = codec.envelope(ChannelPerformanceUpdated.TYPE, search.subject(), search);
        ReceivedEvent<ChannelPerformanceUpdated> read = codec.read(codec.write(envelope), ChannelPerformanceUpdated.TYPE);

        assertEquals(envelope.id(), read.id());
        assertEquals("ChannelPerformanceUpdated", read.envelope().type());
        assertEquals(2, read.envelope().version());
        assertEquals("attribution-service", read.envelope().source());
        assertEquals("channel:search", read.envelope().subject());
        assertEquals(search, read.data());
    }

    @Test
    void textThatIsNotAnEnvelopeIsPoison() {
        PoisonEventException e = assertThrows(PoisonEventException.class,
                () -> codec.read("{not json", ChannelPerformanceUpdated.TYPE));
        assertTrue(e.getMessage().startsWith("not an event envelope"), e.getMessage());
    }

    @Test
    void anotherEventTypeIsPoison() {
        String json = codec.write(codec.envelope(new EventType<>("BudgetExhausted", 1, Topics.BUDGET_EVENTS,
                ChannelPerformanceUpdated.class), "campaign:x", search));
        PoisonEventException e = assertThrows(PoisonEventException.class,
                () -> codec.read(json, ChannelPerformanceUpdated.TYPE));
        assertTrue(e.getMessage().contains("unexpected event type 'BudgetExhausted'"), e.getMessage());
    }

    @Test
    void aNewerVersionIsRefusedRatherThanGuessed() {
        String json = codec.write(codec.envelope(new EventType<>("ChannelPerformanceUpdated", 3,
                Topics.CHANNEL_PERFORMANCE, ChannelPerformanceUpdated.class), "channel:search", search));
        PoisonEventException e = assertThrows(PoisonEventException.class,
                () -> codec.read(json, ChannelPerformanceUpdated.TYPE));
        assertTrue(e.getMessage().contains("unsupported version 3"), e.getMessage());
    }

    @Test
    void aTrailingWindowOfVersion1IsRefusedWithTheVersionAsReason() {
        String json = """
                {"id":"6f1c2f0e-55b5-4c39-9d53-0c7d2c1f9a11","type":"ChannelPerformanceUpdated","version":1,
                 "source":"attribution-service","time":"2026-11-25T10:00:00Z","subject":"channel:search",
                 "data":{"channel":"search","model":"markov-1","windowStart":"2026-10-29","windowEnd":"2026-11-25",
                         "creditedConversions":412.5,"creditedValue":20625.00,"spend":8250.00,"currency":"EUR"}}""";
        PoisonEventException e = assertThrows(PoisonEventException.class,
                () -> codec.read(json, ChannelPerformanceUpdated.TYPE));
        assertTrue(e.getMessage().contains("unsupported version 1 of ChannelPerformanceUpdated"), e.getMessage());
    }

    @Test
    void aPeriodThatIsNoWholeIsoWeekIsMalformedNamingTheField() {
        // 2026-11-17 is a Tuesday: a seven-day span from it overlaps two ISO weeks.
        String tuesday = codec.write(codec.envelope(ChannelPerformanceUpdated.TYPE, search.subject(), search))
                .replace("\"periodStart\":\"2026-11-16\"", "\"periodStart\":\"2026-11-17\"");
        PoisonEventException e = assertThrows(PoisonEventException.class,
                () -> codec.read(tuesday, ChannelPerformanceUpdated.TYPE));
        assertTrue(e.getMessage().contains("periodStart 2026-11-17 is a TUESDAY"), e.getMessage());

        String longWeek = codec.write(codec.envelope(ChannelPerformanceUpdated.TYPE, search.subject(), search))
                .replace("\"periodEnd\":\"2026-11-22\"", "\"periodEnd\":\"2026-11-23\"");
        e = assertThrows(PoisonEventException.class, () -> codec.read(longWeek, ChannelPerformanceUpdated.TYPE));
        assertTrue(e.getMessage().contains("periodEnd 2026-11-23"), e.getMessage());
    }

    @Test
    void isoWeeksRunMondayToSundayAcrossTheYearBoundary() {
        // ISO 8601: 2026-12-31 (a Thursday) lies in week 53 of 2026, which starts on Monday 2026-12-28; 2027-01-03
        // is its Sunday, and week 1 of 2027 starts on Monday 2027-01-04.
        assertEquals(LocalDate.parse("2026-12-28"), PeriodKind.WEEK.startOf(LocalDate.parse("2026-12-31")));
        assertEquals(LocalDate.parse("2026-12-28"), PeriodKind.WEEK.startOf(LocalDate.parse("2027-01-03")));
        assertEquals(LocalDate.parse("2027-01-04"), PeriodKind.WEEK.startOf(LocalDate.parse("2027-01-04")));
        assertEquals(LocalDate.parse("2027-01-03"), PeriodKind.WEEK.endOf(LocalDate.parse("2026-12-28")));
        assertEquals(LocalDate.parse("2027-01-04"), PeriodKind.WEEK.following(LocalDate.parse("2026-12-28")));
        assertEquals(LocalDate.parse("2026-12-31"), PeriodKind.DAY.startOf(LocalDate.parse("2026-12-31")));
        assertEquals(LocalDate.parse("2027-01-01"), PeriodKind.DAY.following(LocalDate.parse("2026-12-31")));
    }

    @Test
    void onASharedTopicOtherEventTypesAreSkippedNotPoison() {
        String other = codec.write(codec.envelope(new EventType<>("BudgetExhausted", 1, Topics.CHANNEL_PERFORMANCE,
                ChannelPerformanceUpdated.class), "campaign:x", search));
        String mine = codec.write(codec.envelope(ChannelPerformanceUpdated.TYPE, search.subject(), search));

        assertTrue(codec.readIf(other, ChannelPerformanceUpdated.TYPE).isEmpty());
        assertEquals(search, codec.readIf(mine, ChannelPerformanceUpdated.TYPE).orElseThrow().data());
        assertThrows(PoisonEventException.class, () -> codec.readIf("[1, 2", ChannelPerformanceUpdated.TYPE));
    }

    @Test
    void invalidDataNamesEveryOffendingField() {
        ChannelPerformanceUpdated broken = new ChannelPerformanceUpdated("search", "linear", PeriodKind.DAY,
                LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-24"), "UTC", 0, new BigDecimal("10"),
                new BigDecimal("500.00"), new BigDecimal("-1"), "euro", null);
        String json = codec.write(codec.envelope(ChannelPerformanceUpdated.TYPE, broken.subject(), broken));
        PoisonEventException e = assertThrows(PoisonEventException.class,
                () -> codec.read(json, ChannelPerformanceUpdated.TYPE));
        assertTrue(e.getMessage().contains("currency"), e.getMessage());
        assertTrue(e.getMessage().contains("spend"), e.getMessage());
        assertTrue(e.getMessage().contains("revision"), e.getMessage());
    }

    private final TouchpointObserved touch = new TouchpointObserved("u-1", null, java.time.Instant.parse("2026-11-20T10:00:00Z"),
            "search", "bf", "click", new BigDecimal("0.5"), "EUR");

    private String touchWith(java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> change)
            throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode envelope = (com.fasterxml.jackson.databind.node.ObjectNode)
                mapper.readTree(codec.write(codec.envelope(TouchpointObserved.TYPE, "user:u-1", touch)));
        change.accept(envelope);
        return mapper.writeValueAsString(envelope);
    }

    /** An envelope without data used to escape as an IllegalArgumentException and fail its whole poll. */
    @Test
    void anEnvelopeWithoutDataIsPoisonOnItsOwn() throws Exception {
        for (String json : List.of(touchWith(e -> e.putNull("data")), touchWith(e -> e.remove("data")))) {
            PoisonEventException e = assertThrows(PoisonEventException.class,
                    () -> codec.read(json, TouchpointObserved.TYPE));
            assertTrue(e.getMessage().endsWith("data") || e.getMessage().endsWith("data of TouchpointObserved is missing"),
                    e.getMessage());
        }
        assertEquals(touch, codec.read(touchWith(e -> { }), TouchpointObserved.TYPE).data());
    }

    /** PostgreSQL refuses NUL in text: found at reading, so the batch insert of the other events goes through. */
    @Test
    void textWithANulCharacterIsPoisonNamingTheField() throws Exception {
        String json = touchWith(e -> ((com.fasterxml.jackson.databind.node.ObjectNode) e.get("data"))
                .put("userId", "u\u00001").put("campaign", "b\u0000f"));
        PoisonEventException e = assertThrows(PoisonEventException.class, () -> codec.read(json, TouchpointObserved.TYPE));
        assertEquals("data of TouchpointObserved cannot be stored: userId contains a NUL character; "
                + "campaign contains a NUL character", e.getMessage());
    }

    /** Year 300000 would be stored as PostgreSQL's infinity; years 1 to 9999 are kept as they are. */
    @Test
    void aDateOutsideFourDigitYearsIsPoison() throws Exception {
        String far = touchWith(e -> ((com.fasterxml.jackson.databind.node.ObjectNode) e.get("data"))
                .put("occurredAt", "+300000-01-01T00:00:00Z"));
        PoisonEventException e = assertThrows(PoisonEventException.class, () -> codec.read(far, TouchpointObserved.TYPE));
        assertEquals("data of TouchpointObserved cannot be stored: occurredAt is in year 300000, outside 1-9999",
                e.getMessage());
        String last = touchWith(e2 -> ((com.fasterxml.jackson.databind.node.ObjectNode) e2.get("data"))
                .put("occurredAt", "9999-12-31T23:59:59Z"));
        assertEquals(java.time.Instant.parse("9999-12-31T23:59:59Z"), codec.read(last, TouchpointObserved.TYPE).data().occurredAt());
        ChannelPerformanceUpdated ancient = new ChannelPerformanceUpdated("search", "linear", PeriodKind.DAY,
                LocalDate.of(0, 1, 1), LocalDate.of(0, 1, 1), "UTC", 1, new BigDecimal("10"),
                new BigDecimal("500.00"), new BigDecimal("250.00"), "EUR", new BigDecimal("2.0000"));
        String json = codec.write(codec.envelope(ChannelPerformanceUpdated.TYPE, ancient.subject(), ancient));
        PoisonEventException old = assertThrows(PoisonEventException.class,
                () -> codec.read(json, ChannelPerformanceUpdated.TYPE));
        assertTrue(old.getMessage().contains("periodStart is in year 0"), old.getMessage());
    }
}
