package io.mops.common.events;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A customer's contact with a channel, as a channel integration saw it: who (a known user id, or an anonymous id
 * until the customer identifies), when, through which channel and campaign, how (an impression or a click), and
 * what the contact cost if the platform reports it. Sent once per contact; consumers de-duplicate by event id.
 *
 * @param userId      the known customer; at least one of {@code userId} and {@code anonymousId} is present
 * @param anonymousId a cookie or device id for customers not yet identified
 * @param cost        what the contact cost, in {@code currency}; absent when the platform does not say
 * @param clickId     the ad platform's click id the contact came with (Google's {@code gclid}, Microsoft's
 *                    {@code msclkid}, Meta's {@code fbclid}), where the integration has it: offline conversions
 *                    from a CRM are matched to the journey by it. Optional; added to version 1 without a version
 *                    change because a consumer that does not know it loses nothing it relied on.
 */
public record TouchpointObserved(
        @Size(max = 200) String userId,
        @Size(max = 200) String anonymousId,
        @NotNull Instant occurredAt,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String channel,
        @Size(max = 200) String campaign,
        @NotNull @Pattern(regexp = "impression|click") String interaction,
        @PositiveOrZero @Digits(integer = 15, fraction = 6) BigDecimal cost,
        @Pattern(regexp = "[A-Z]{3}") String currency,
        @Size(max = 200) String clickId) {

    /** A touchpoint without a click id (an impression, or an integration that does not report one). */
    public TouchpointObserved(String userId, String anonymousId, Instant occurredAt, String channel, String campaign,
                              String interaction, BigDecimal cost, String currency) {
        this(userId, anonymousId, occurredAt, channel, campaign, interaction, cost, currency, null);
    }

    public static final String TOPIC = Topics.INGEST_TOUCHPOINTS;

    public static final EventType<TouchpointObserved> TYPE =
            new EventType<>("TouchpointObserved", 1, TOPIC, TouchpointObserved.class);

    /** Keyed by customer, so that one customer's touchpoints stay in order on one partition. */
    public String subject() {
        return "customer:" + (userId != null ? userId : anonymousId);
    }
}
