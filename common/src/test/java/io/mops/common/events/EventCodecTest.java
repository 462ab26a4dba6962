package io.mops.common.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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

    private final ChannelPerformanceUpdated search = new ChannelPerformanceUpdated("search", "linear",
            LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-24"), new BigDecimal("10"),
            new BigDecimal("500.00"), new BigDecimal("250.00"), "EUR", new BigDecimal("2.0000"));

    @Test
    void writtenEventReadsBackWithEnvelopeAndData() {
        EventEnvelope envelope = codec.envelope(ChannelPerformanceUpdated.TYPE, search.subject(), search);
        ReceivedEvent<ChannelPerformanceUpdated> read = codec.read(codec.write(envelope), ChannelPerformanceUpdated.TYPE);

        assertEquals(envelope.id(), read.id());
        assertEquals("ChannelPerformanceUpdated", read.envelope().type());
        assertEquals(1, read.envelope().version());
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
        String json = codec.write(codec.envelope(new EventType<>("ChannelPerformanceUpdated", 2,
                Topics.CHANNEL_PERFORMANCE, ChannelPerformanceUpdated.class), "channel:search", search));
        PoisonEventException e = assertThrows(PoisonEventException.class,
                () -> codec.read(json, ChannelPerformanceUpdated.TYPE));
        assertTrue(e.getMessage().contains("unsupported version 2"), e.getMessage());
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
        ChannelPerformanceUpdated broken = new ChannelPerformanceUpdated("search", "linear",
                LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-24"), new BigDecimal("10"),
                new BigDecimal("500.00"), new BigDecimal("-1"), "euro", null);
        String json = codec.write(codec.envelope(ChannelPerformanceUpdated.TYPE, broken.subject(), broken));
        PoisonEventException e = assertThrows(PoisonEventException.class,
                () -> codec.read(json, ChannelPerformanceUpdated.TYPE));
        assertTrue(e.getMessage().contains("currency"), e.getMessage());
        assertTrue(e.getMessage().contains("spend"), e.getMessage());
    }
}
