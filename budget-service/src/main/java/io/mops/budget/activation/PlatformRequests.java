package io.mops.budget.activation;

import io.mops.budget.money.Money;

/** How one platform words MOPS's decisions as its own REST requests; nothing is sent here. */
public interface PlatformRequests {

    /** The platform campaign's daily budget. */
    PlatformRequest budget(PlatformTarget target, Money daily);

    /** The platform campaign running ({@code true}) or paused. */
    PlatformRequest status(PlatformTarget target, boolean running);

    /** An experiment variant's ad running ({@code true}, a winner) or paused (a loser). */
    PlatformRequest adStatus(AdTarget target, boolean running);
}
