package io.mops.common.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A channel's delivery system showed a unit (a user or an anonymous id) one variant of an experiment. Sent once per
 * showing; consumers de-duplicate by event id, and only a unit's first exposure decides the variant it is counted
 * under.
 *
 * @param experimentKey the experiment's key, as in {@code /experiments/{key}}
 * @param variant       the variant's key
 */
public record ExposureObserved(
        @NotBlank @Size(max = 80) String experimentKey,
        @NotBlank @Size(max = 200) String unitId,
        @NotBlank @Size(max = 80) String variant) {

    public static final String TOPIC = Topics.INGEST_EXPOSURES;

    public static final EventType<ExposureObserved> TYPE =
            new EventType<>("ExposureObserved", 1, TOPIC, ExposureObserved.class);

    /** Keyed by experiment, so that one experiment's exposures stay in order on one partition. */
    public String subject() {
        return "experiment:" + experimentKey;
    }
}
