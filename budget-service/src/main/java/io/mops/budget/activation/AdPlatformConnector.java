package io.mops.budget.activation;

import io.mops.budget.money.Money;
import io.smallrye.mutiny.Uni;

/**
 * One ad platform: builds its own requests for MOPS's decisions, sends them with its credentials, and reads its
 * answers as it documents them. The sender ({@link ActivationSender}) does the rest — order, rate, retries, audit —
 * the same way for every platform.
 */
public interface AdPlatformConnector {

    Platform platform();

    /** Whether requests are sent; in dry-run they are only recorded. */
    boolean live();

    PlatformRequest budget(PlatformTarget target, Money daily);

    PlatformRequest pause(PlatformTarget target);

    PlatformRequest resume(PlatformTarget target);

    /** Enables (a winner) or pauses (a loser) an experiment variant's ad. */
    PlatformRequest adStatus(AdTarget target, boolean enabled);

    /** Sends with the credentials; a lost connection is an answer with status 0, never a failure. */
    Uni<PlatformAnswer> send(PlatformRequest request);

    Verdict judge(PlatformAnswer answer);

    /** The platform refused the access token: the next {@link #send} gets a new one. */
    void tokenRefused();

    RateLimit rateLimit();
}
