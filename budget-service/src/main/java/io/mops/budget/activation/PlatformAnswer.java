package io.mops.budget.activation;

import java.util.Optional;

/**
 * What a platform answered one request, or that no answer came.
 *
 * @param status     the HTTP status; 0 when no answer came (connection refused or lost, timeout)
 * @param body       the answer's body as text (the error when no answer came)
 * @param retryAfter the {@code Retry-After} header, as sent
 */
public record PlatformAnswer(int status, String body, Optional<String> retryAfter) {

    public static PlatformAnswer lost(Throwable failure) {
        return new PlatformAnswer(0, failure.getClass().getSimpleName() + ": " + failure.getMessage(),
                Optional.empty());
    }

    public boolean answered() {
        return status != 0;
    }
}
