package io.mops.common.events;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * An exposed unit produced an outcome in an experiment: a conversion (binary metric), an amount such as revenue
 * (continuous metric), or a guardrail event such as an unsubscribe. Sent once per outcome; consumers de-duplicate by
 * event id. The unit's exposure must be published first.
 *
 * @param value  for a continuous metric the amount, required; for a binary metric or a guardrail absent or 1
 * @param metric absent for the experiment's primary metric, otherwise the primary metric's or a guardrail's name
 */
public record OutcomeObserved(
        @NotBlank @Size(max = 80) String experimentKey,
        @NotBlank @Size(max = 200) String unitId,
        @Digits(integer = 15, fraction = 4) BigDecimal value,
        @Size(max = 80) String metric) {

    public static final String TOPIC = Topics.INGEST_OUTCOMES;

    public static final EventType<OutcomeObserved> TYPE =
            new EventType<>("OutcomeObserved", 1, TOPIC, OutcomeObserved.class);

    /** Keyed by experiment, like the exposures. */
    public String subject() {
        return "experiment:" + experimentKey;
    }
}
