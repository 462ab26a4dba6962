package io.mops.common.events;

import java.util.UUID;

/** An envelope whose data has been read and validated as {@code T}. */
public record ReceivedEvent<T>(EventEnvelope envelope, T data) {

    public UUID id() {
        return envelope.id();
    }
}
