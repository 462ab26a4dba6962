package io.mops.attribution.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.attribution.lines.RejectedLine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a GA4 BigQuery export ({@code events_YYYYMMDD} as newline-delimited JSON, one event a line, streamed) into
 * visits and key events. Field names and meanings are those of the export schema (docs/connectors.md, "GA4"):
 * <ul>
 *     <li>a visit is an event named in {@code visitEvents} ({@code session_start} by default); its source, medium,
 *     campaign and gclid are the event's {@code collected_traffic_source} ({@code manual_source},
 *     {@code manual_medium}, {@code manual_campaign_name}, {@code gclid}), else its {@code session_start} parameters
 *     {@code source}, {@code medium}, {@code campaign}, else its {@code traffic_source} ({@code source},
 *     {@code medium}, {@code name}); a gclid without a source is Google Ads' auto-tagging, {@code google / cpc};
 *     nothing at all is {@code (direct) / (none)}, as GA4 reports it;</li>
 *     <li>a key event is {@code purchase} or another event named in {@code keyEvents}: its value is
 *     {@code ecommerce.purchase_revenue} (a purchase) or the {@code value} parameter, in the {@code currency}
 *     parameter; without those, {@code event_value_in_usd} in USD; without any, 0;</li>
 *     <li>the time is {@code event_timestamp} (microseconds since the epoch, UTC; BigQuery writes INT64 as a JSON
 *     string, both are read).</li>
 * </ul>
 * Every other event is skipped and counted.
 */
final class Ga4Export {

    /** Receives the events as they are read. */
    interface Sink {
        void event(long number, Ga4Event event);

        void rejected(RejectedLine rejected);

        void ignored(long number);
    }

    private final ObjectMapper json;
    private final Set<String> visitEvents;
    private final Set<String> keyEvents;

    Ga4Export(ObjectMapper json, Set<String> visitEvents, Set<String> keyEvents) {
        this.json = json;
        this.visitEvents = visitEvents;
        this.keyEvents = keyEvents;
    }

    void read(Reader body, Sink sink) {
        BufferedReader lines = Bom.skipped(body);
        try {
            long number = 0;
            for (String text = lines.readLine(); text != null; text = lines.readLine()) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode event;
                try {
                    event = json.readTree(text);
                } catch (JsonProcessingException e) {
                    sink.rejected(new RejectedLine(number, "not a JSON object: " + e.getOriginalMessage()));
                    continue;
                }
                try {
                    Optional<Ga4Event> read = event(event);
                    if (read.isPresent()) {
                        sink.event(number, read.get());
                    } else {
                        sink.ignored(number);
                    }
                } catch (IllegalArgumentException e) {
                    sink.rejected(new RejectedLine(number, e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the visit or key event, empty for an event of another name */
    Optional<Ga4Event> event(JsonNode event) {
        if (!event.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String name = text(event, "event_name");
        if (name == null) {
            throw new IllegalArgumentException("event_name: missing");
        }
        boolean visit = visitEvents.contains(name);
        boolean key = keyEvents.contains(name);
        if (!visit && !key) {
            return Optional.empty();
        }
        String pseudoId = text(event, "user_pseudo_id");
        String userId = text(event, "user_id");
        if (pseudoId == null && userId == null) {
            throw new IllegalArgumentException("user_pseudo_id: missing (and no user_id)");
        }
        String timestamp = text(event, "event_timestamp");
        if (timestamp == null) {
            throw new IllegalArgumentException("event_timestamp: missing");
        }
        Instant at;
        try {
            long micros = Long.parseLong(timestamp);
            at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("event_timestamp: cannot read '" + timestamp + "'");
        }
        String identity = String.join("|", pseudoId == null ? "" : pseudoId, timestamp, name,
                Optional.ofNullable(text(event, "event_bundle_sequence_id")).orElse(""));
        if (visit) {
            return Optional.of(visit(event, identity, userId, pseudoId, at));
        }
        return Optional.of(keyEvent(event, name, identity, userId, pseudoId, at));
    }

    private static Ga4Event.Visit visit(JsonNode event, String identity, String userId, String pseudoId, Instant at) {
        JsonNode collected = event.path("collected_traffic_source");
        JsonNode first = event.path("traffic_source");
        String gclid = text(collected, "gclid");
        String source = firstOf(text(collected, "manual_source"), param(event, "source"), text(first, "source"));
        String medium = firstOf(text(collected, "manual_medium"), param(event, "medium"), text(first, "medium"));
        String campaign = firstOf(text(collected, "manual_campaign_name"), param(event, "campaign"),
                text(first, "name"));
        if (source == null && gclid != null) {
            source = "google";
            medium = "cpc";
        }
        if (source == null) {
            source = "(direct)";
            medium = medium == null ? "(none)" : medium;
        }
        return new Ga4Event.Visit(identity, userId, pseudoId, at, source, medium, campaign, gclid);
    }

    private static Ga4Event.KeyEvent keyEvent(JsonNode event, String name, String identity, String userId,
                                              String pseudoId, Instant at) {
        String currency = param(event, "currency");
        BigDecimal value = "purchase".equals(name) ? decimal(event.path("ecommerce"), "purchase_revenue") : null;
        if (value == null) {
            value = decimalParam(event, "value");
        }
        if (value != null && currency != null) {
            return new Ga4Event.KeyEvent(identity, userId, pseudoId, at, name, value, currency);
        }
        BigDecimal usd = decimal(event, "event_value_in_usd");
        if (usd != null) {
            return new Ga4Event.KeyEvent(identity, userId, pseudoId, at, name, usd, "USD");
        }
        if (value != null) {
            throw new IllegalArgumentException("currency: the event has a value but no currency parameter");
        }
        return new Ga4Event.KeyEvent(identity, userId, pseudoId, at, name, BigDecimal.ZERO,
                currency == null ? "USD" : currency);
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    /** An event parameter's value: {@code event_params} is a list of {key, value: {string_value, int_value, …}}. */
    private static JsonNode paramValue(JsonNode event, String key) {
        for (JsonNode param : event.path("event_params")) {
            if (key.equals(param.path("key").asText())) {
                JsonNode value = param.path("value");
                for (String kind : new String[]{"string_value", "int_value", "double_value", "float_value"}) {
                    JsonNode v = value.path(kind);
                    if (!v.isMissingNode() && !v.isNull()) {
                        return v;
                    }
                }
            }
        }
        return null;
    }

    private static String param(JsonNode event, String key) {
        JsonNode value = paramValue(event, key);
        return value == null || value.asText().isBlank() ? null : value.asText();
    }

    private static BigDecimal decimalParam(JsonNode event, String key) {
        JsonNode value = paramValue(event, key);
        return value == null ? null : number(key, value);
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : number(field, value);
    }

    private static BigDecimal number(String field, JsonNode value) {
        try {
            return value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": cannot read '" + value.asText() + "'");
        }
    }
}
