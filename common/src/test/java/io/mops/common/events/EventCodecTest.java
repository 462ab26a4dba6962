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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventCodecTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Validator validator = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    private final EventCodec codec = new EventCodec(mapper, validator, "attribution-service");

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
}
