package io.mops.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

/**
 * Event envelopes as docs/events.md describes them, written the way an outside integration would (plain JSON,
 * without the services' own classes): for tests that publish to the platform's topics, and for the simulator.
 */
public final class Envelopes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Envelopes() {
    }

    /** The envelope of {@code data} (a map or a record; times and dates as ISO-8601 strings). */
    public static String envelope(UUID id, String type, int version, String source, Instant time, String subject,
                                  Object data) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("id", id.toString());
        envelope.put("type", type);
        envelope.put("version", version);
        envelope.put("source", source);
        envelope.put("time", time.toString());
        envelope.put("subject", subject);
        envelope.set("data", JSON.valueToTree(data));
        return envelope.toString();
    }
}
