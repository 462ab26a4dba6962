package io.mops.budget.reallocation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;

@ConfigMapping(prefix = "mops.budget.reallocation")
public interface ReallocationConfig {

    /** At most one proposal per plan in this interval. */
    @WithDefault("PT1H")
    Duration minInterval();

    /** How long an approval request stays open before the proposal lapses. */
    @WithDefault("PT48H")
    Duration approvalTimeout();

    /** The largest raise or cut of one channel in an autonomous proposal, in percent. */
    @WithDefault("20")
    BigDecimal maxChangePercent();

    /** How often lapsed approval requests are looked for ({@code off} to disable). */
    @WithDefault("1m")
    String expiryCheck();
}
