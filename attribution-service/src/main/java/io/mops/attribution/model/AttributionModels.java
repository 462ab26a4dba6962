package io.mops.attribution.model;

import java.util.List;
import java.util.Optional;

/** The models by their API names, with their default settings. */
public final class AttributionModels {

    /** Every name {@link #byName} knows, in the order the docs present them. */
    public static final List<String> NAMES = List.of(FirstTouch.NAME, LastTouch.NAME, Linear.NAME,
            PositionBased.NAME, TimeDecay.NAME, "markov-1", "markov-2", "markov-3", "markov-4", ShapleyValue.NAME);

    private AttributionModels() {
    }

    public static Optional<AttributionModel> byName(String name) {
        return Optional.ofNullable(switch (name) {
            case FirstTouch.NAME -> new FirstTouch();
            case LastTouch.NAME -> new LastTouch();
            case Linear.NAME -> new Linear();
            case PositionBased.NAME -> new PositionBased();
            case TimeDecay.NAME -> new TimeDecay();
            case "markov-1" -> new MarkovRemovalEffect(1);
            case "markov-2" -> new MarkovRemovalEffect(2);
            case "markov-3" -> new MarkovRemovalEffect(3);
            case "markov-4" -> new MarkovRemovalEffect(4);
            case ShapleyValue.NAME -> new ShapleyValue();
            default -> null;
        });
    }
}
