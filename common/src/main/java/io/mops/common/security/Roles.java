package io.mops.common.security;

/** The realm roles of the {@code mops} Keycloak realm. */
public final class Roles {

    /** The center-of-excellence team: operates the platform, owns totals and policies, sees every channel. */
    public static final String COE = "coe";
    /** A person who signs off on moves above the autonomous thresholds. */
    public static final String APPROVER = "approver";
    /** A channel team's service account or member; scoped to the channel in its {@code channel} claim. */
    public static final String CHANNEL_TEAM = "channel-team";

    /** The token claim naming the caller's channel. */
    public static final String CHANNEL_CLAIM = "channel";

    private Roles() {
    }
}
