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
 * A customer converted (bought, signed up) and what it was worth, as the shop or CRM integration saw it. Sent once
 * per conversion; consumers de-duplicate by event id.
 *
 * @param anonymousId the anonymous id the customer converted under, if the integration knows it: it links the
 *                    customer's earlier anonymous touchpoints to {@code userId}
 */
public record ConversionObserved(
        @NotBlank @Size(max = 200) String userId,
        @Size(max = 200) String anonymousId,
        @NotNull Instant occurredAt,
        @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 6) BigDecimal value,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {

    public static final String TOPIC = Topics.INGEST_CONVERSIONS;

    public static final EventType<ConversionObserved> TYPE =
            new EventType<>("ConversionObserved", 1, TOPIC, ConversionObserved.class);

    /** Keyed by customer, like the touchpoints, so one customer's events stay in order on one partition. */
    public String subject() {
        return "customer:" + userId;
    }
}
