package io.mops.attribution.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One customer's touchpoints in time order, ending either in a conversion or in nothing (a "null" journey in
 * ChannelAttribution's terms). Touchpoints after the conversion do not belong to the journey.
 */
public record Journey(List<Touchpoint> touchpoints, Optional<Conversion> conversion) {

    public Journey {
        Objects.requireNonNull(touchpoints, "touchpoints");
        Objects.requireNonNull(conversion, "conversion");
        if (touchpoints.isEmpty()) {
            throw new IllegalArgumentException("a journey has at least one touchpoint");
        }
        touchpoints = List.copyOf(touchpoints);
        for (int i = 1; i < touchpoints.size(); i++) {
            if (touchpoints.get(i).at().isBefore(touchpoints.get(i - 1).at())) {
                throw new IllegalArgumentException("touchpoints must be in time order");
            }
        }
        if (conversion.isPresent() && conversion.get().at().isBefore(touchpoints.getLast().at())) {
            throw new IllegalArgumentException("a journey converts after its last touchpoint");
        }
    }

    public static Journey converted(Conversion conversion, Touchpoint... touchpoints) {
        return new Journey(List.of(touchpoints), Optional.of(conversion));
    }

    public static Journey notConverted(Touchpoint... touchpoints) {
        return new Journey(List.of(touchpoints), Optional.empty());
    }

    public Path path() {
        return new Path(touchpoints.stream().map(Touchpoint::channel).toList());
    }

    public boolean converted() {
        return conversion.isPresent();
    }
}
