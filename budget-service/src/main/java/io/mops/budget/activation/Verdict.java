package io.mops.budget.activation;

import java.time.Duration;
import java.util.Optional;

/** What an answer means for its request, as its platform documents its answers. */
public sealed interface Verdict {

    /** Applied: never sent again. */
    record Done() implements Verdict {
    }

    /** The access token was refused (expired or revoked): get a new one and send again at once. */
    record TokenRefused() implements Verdict {
    }

    /** Not applied for now (rate limit, the platform's own failure, no answer): send again later. */
    record Retry(Optional<Duration> after, String reason) implements Verdict {
    }

    /** Refused for good (the request itself is wrong): recorded FAILED, not sent again. */
    record Refused(String reason) implements Verdict {
    }
}
