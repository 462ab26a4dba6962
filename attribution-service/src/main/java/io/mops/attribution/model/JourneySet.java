package io.mops.attribution.model;

import java.util.List;
import java.util.Objects;

/** Individual journeys with their touchpoint times and campaigns; conversion values are in {@code currency}. */
public record JourneySet(String currency, List<Journey> journeys) {

    public JourneySet {
        Objects.requireNonNull(currency, "currency");
        journeys = List.copyOf(journeys);
    }

    public PathSet toPathSet() {
        return PathSet.aggregate(currency, journeys);
    }
}
