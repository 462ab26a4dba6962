package io.mops.attribution.credit;

import io.mops.attribution.model.AttributionInputException;
import io.mops.attribution.model.AttributionModel;
import io.mops.attribution.model.AttributionModels;
import io.mops.attribution.model.PositionBased;
import io.mops.attribution.model.TimeDecay;
import io.mops.common.problem.InvalidRequestException;
import io.mops.common.problem.Problem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Turns the {@code model} query parameters into models, refusing every unknown name in one answer. */
final class ModelSelection {

    private ModelSelection() {
    }

    static List<AttributionModel> of(List<String> names, Double positionFirst, Double positionLast) {
        return of(names, positionFirst, positionLast, null);
    }

    /** @param halfLife the half-life of {@code time-decay}, or null for its default */
    static List<AttributionModel> of(List<String> names, Double positionFirst, Double positionLast, Duration halfLife) {
        if (names == null || names.isEmpty()) {
            throw new InvalidRequestException("model", "name at least one model, e.g. model=markov-1&model=linear; known: "
                    + String.join(", ", AttributionModels.NAMES));
        }
        List<Problem.Violation> unknown = new ArrayList<>();
        List<AttributionModel> models = new ArrayList<>();
        for (String name : new LinkedHashSet<>(names)) {
            if (PositionBased.NAME.equals(name) && (positionFirst != null || positionLast != null)) {
                models.add(positionBased(positionFirst, positionLast));
                continue;
            }
            if (TimeDecay.NAME.equals(name) && halfLife != null) {
                models.add(timeDecay(halfLife));
                continue;
            }
            AttributionModels.byName(name).ifPresentOrElse(models::add, () -> unknown.add(new Problem.Violation("model",
                    "unknown model '" + name + "'; known: " + String.join(", ", AttributionModels.NAMES))));
        }
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException("unknown model name", unknown);
        }
        return models;
    }

    private static TimeDecay timeDecay(Duration halfLife) {
        try {
            return new TimeDecay(halfLife);
        } catch (AttributionInputException e) {
            throw new InvalidRequestException("halfLife", e.getMessage());
        }
    }

    private static PositionBased positionBased(Double first, Double last) {
        try {
            return new PositionBased(first == null ? PositionBased.DEFAULT_FIRST_SHARE : first,
                    last == null ? PositionBased.DEFAULT_LAST_SHARE : last);
        } catch (AttributionInputException e) {
            throw new InvalidRequestException("positionFirst", e.getMessage());
        }
    }
}
