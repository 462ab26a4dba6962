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

    /** The platform's own wording of the requests. */
    PlatformRequests requests();

    default PlatformRequest budget(PlatformTarget target, Money daily) {
        return requests().budget(target, daily);
    }

    default PlatformRequest pause(PlatformTarget target) {
        return requests().status(target, false);
    }

    default PlatformRequest resume(PlatformTarget target) {
        return requests().status(target, true);
    }

    /** Enables (a winner) or pauses (a loser) an experiment variant's ad. */
    default PlatformRequest adStatus(AdTarget target, boolean enabled) {
        return requests().adStatus(target, enabled);
    }

    /** Sends with the credentials; a lost connection is an answer with status 0, never a failure. */
    Uni<PlatformAnswer> send(PlatformRequest request);

    Verdict judge(PlatformAnswer answer);

    /** The platform refused the access token: the next {@link #send} gets a new one. */
    void tokenRefused();

    RateLimit rateLimit();
}
