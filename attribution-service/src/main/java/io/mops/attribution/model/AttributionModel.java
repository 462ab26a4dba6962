package io.mops.attribution.model;

/**
 * A rule for dividing every conversion, and its value, among the channels of the journeys that led to it.
 * Implementations are stateless and safe to share between threads.
 */
public interface AttributionModel {

    /** The model's name in the API and in reports, e.g. {@code markov-2}. */
    String name();

    Attribution credit(PathSet paths);

    /**
     * Credits individual journeys. Models that look only at channel paths aggregate first; models that weigh single
     * touchpoints use their times and also credit campaigns.
     */
    default Attribution credit(JourneySet journeys) {
        return credit(journeys.toPathSet());
    }
}
