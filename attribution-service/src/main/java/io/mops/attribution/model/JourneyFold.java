package io.mops.attribution.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Several models' credit of journeys that arrive one at a time and are not kept: the models that weigh single
 * touchpoints credit each journey into their ledger at once; the others (Markov, Shapley) need only the journeys'
 * channel paths, which are counted as they come. Memory grows with distinct paths, channels and campaigns, not with
 * journeys or touchpoints. The result is the same as crediting the same journeys, in the same order, as a
 * {@link JourneySet}.
 */
public final class JourneyFold {

    private final String currency;
    private final List<AttributionModel> models;
    private final List<TouchWeightingModel.Tally> tallies = new ArrayList<>();
    private final PathSet.Aggregation paths = new PathSet.Aggregation();
    private long journeys;

    public JourneyFold(String currency, List<AttributionModel> models) {
        this.currency = currency;
        this.models = List.copyOf(models);
        for (AttributionModel model : this.models) {
            tallies.add(model instanceof TouchWeightingModel weighting ? weighting.tally() : null);
        }
    }

    public void add(Journey journey) {
        journeys++;
        paths.add(journey);
        for (TouchWeightingModel.Tally tally : tallies) {
            if (tally != null) {
                tally.add(journey);
            }
        }
    }

    public long journeys() {
        return journeys;
    }

    /** The journeys added so far, grouped by channel path. */
    public PathSet paths() {
        return paths.toPathSet(currency);
    }

    /**
     * Each model's credit, in the order the models were given.
     *
     * @throws AttributionInputException when a model cannot credit these journeys; the message starts with the
     *                                     model's name
     */
    public List<Attribution> attributions() {
        PathSet pathSet = null;
        List<Attribution> attributions = new ArrayList<>(models.size());
        for (int i = 0; i < models.size(); i++) {
            if (tallies.get(i) != null) {
                attributions.add(tallies.get(i).result(currency));
            } else {
                if (pathSet == null) {
                    pathSet = paths();
                }
                try {
                    attributions.add(models.get(i).credit(pathSet));
                } catch (AttributionInputException e) {
                    throw new AttributionInputException(models.get(i).name() + ": " + e.getMessage());
                }
            }
        }
        return attributions;
    }
}
