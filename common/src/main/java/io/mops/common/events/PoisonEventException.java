package io.mops.common.events;

/**
 * A message that can never be applied, however often it is retried: unparseable JSON, an unknown type or
 * version, or data that fails validation. Consumers let it propagate so the messaging layer dead-letters it.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason) {
        super(reason);
    }

    public PoisonEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
