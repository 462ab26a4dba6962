package io.mops.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Writes and reads {@link EventEnvelope}s as JSON, validating the data on the way in. */
@ApplicationScoped
public class EventCodec {

    private final ObjectMapper mapper;
    private final Validator validator;
    private final String source;
    private final Clock clock;

    public EventCodec(ObjectMapper mapper, Validator validator,
                      @ConfigProperty(name = "quarkus.application.name") String source, Clock clock) {
        // Money travels in events: read decimals as exact BigDecimals, keeping their scale (500.00 stays 500.00).
        this.mapper = mapper.copy()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
        this.validator = validator;
        this.source = source;
        this.clock = clock;
    }

    public <T> EventEnvelope envelope(EventType<T> type, String subject, T data) {
        return envelope(UUID.randomUUID(), type, subject, data);
    }

    /**
     * @param id the event's id, when the producer derives it from what identifies the event (an imported line), so
     *           that producing the same event again yields the same id and consumers apply it once
     */
    public <T> EventEnvelope envelope(UUID id, EventType<T> type, String subject, T data) {
        return new EventEnvelope(id, type.name(), type.version(), source, Instant.now(clock), subject,
                mapper.valueToTree(data));
    }

    public String write(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + envelope.id() + " cannot be serialised", e);
        }
    }

    /**
     * @throws PoisonEventException when the payload is not a valid envelope of {@code type}; its message is the
     *                              reason recorded on the dead-letter topic
     */
    public <T> ReceivedEvent<T> read(String payload, EventType<T> type) {
        return decode(parse(payload), type);
    }

    private JsonNode parse(String payload) {
        if (payload == null || payload.isBlank()) {
            throw new PoisonEventException("empty message");
        }
        try {
            return mapper.readTree(payload);
        } catch (Exception e) {
            throw new PoisonEventException("not an event envelope: " + rootMessage(e), e);
        }
    }

    private <T> ReceivedEvent<T> decode(JsonNode tree, EventType<T> type) {
        EventEnvelope envelope;
        try {
            envelope = mapper.treeToValue(tree, EventEnvelope.class);
        } catch (Exception e) {
            throw new PoisonEventException("not an event envelope: " + rootMessage(e), e);
        }
        if (!type.name().equals(envelope.type())) {
            throw new PoisonEventException("unexpected event type '" + envelope.type() + "', expected '" + type.name() + "'");
        }
        if (envelope.version() != type.version()) {
            throw new PoisonEventException("unsupported version " + envelope.version() + " of " + type.name()
                    + ", this consumer reads version " + type.version());
        }
        T data;
        try {
            data = mapper.treeToValue(envelope.data(), type.dataClass());
        } catch (Exception e) {
            throw new PoisonEventException("data of " + type.name() + " is malformed: " + rootMessage(e), e);
        }
        if (data == null) {
            throw new PoisonEventException("data of " + type.name() + " is missing");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw new PoisonEventException("data of " + type.name() + " is invalid: " + violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .collect(Collectors.joining("; ")));
        }
        java.util.List<String> unstorable = StorableValues.problems(data);
        if (!unstorable.isEmpty()) {
            throw new PoisonEventException("data of " + type.name() + " cannot be stored: "
                    + String.join("; ", unstorable));
        }
        return new ReceivedEvent<>(envelope, data);
    }

    /**
     * For topics that carry several event types: reads the event if it is of {@code type}, and returns empty for
     * any other well-formed envelope (a type this consumer does not care about is not poison).
     *
     * @throws PoisonEventException when the payload is no valid envelope, or is of {@code type} but invalid
     */
    public <T> java.util.Optional<ReceivedEvent<T>> readIf(String payload, EventType<T> type) {
        JsonNode tree = parse(payload);
        String actual = tree.path("type").asText(null);
        if (actual != null && !actual.equals(type.name())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(decode(tree, type));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        // Jackson appends the whole source document; the first line says what is wrong.
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }
}
