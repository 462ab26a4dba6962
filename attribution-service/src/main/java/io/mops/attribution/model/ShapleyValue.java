package io.mops.attribution.model;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The "simplified" Shapley value of Zhao et al. (2018): channels are players of a cooperative game whose worth
 * {@code v(S)} is the conversions (or value) of the journeys whose set of channels lies within {@code S}; each
 * channel is credited its average marginal worth over all orders in which the channels could join. Order and
 * repetition within a journey do not matter, and paths that never converted contribute nothing.
 * <p>
 * That game is a sum of unanimity games, {@code v = Σ_T R(T) · u_T} with {@code R(T)} the conversions of the journeys
 * over exactly the channel set {@code T} and {@code u_T(S) = 1} when {@code T ⊆ S}. The Shapley value is linear and
 * gives {@code 1/|T|} of {@code u_T} to each member of {@code T}, so {@code φ_i = Σ_{T ∋ i} R(T) / |T|}: each
 * converting path's conversions and value are shared equally among its distinct channels. This is exact for any
 * number of channels and costs one pass over the paths, where the definition needs all {@code 2^n} coalitions.
 */
public final class ShapleyValue implements AttributionModel {

    public static final String NAME = "shapley";

    @Override
    public String name() {
        return NAME;
    }

    /** Per channel (alphabetically): {@code {conversions, value}}, unrounded. */
    public Map<String, double[]> shapleyValues(PathSet paths) {
        Map<String, double[]> values = new TreeMap<>();
        for (String channel : paths.channels()) {
            values.put(channel, new double[2]);
        }
        for (AggregatedPath line : paths.paths()) {
            if (line.conversions() == 0) {
                continue;
            }
            Set<String> players = new LinkedHashSet<>(line.path().channels());
            double conversionsEach = (double) line.conversions() / players.size();
            double valueEach = line.conversionValue().doubleValue() / players.size();
            for (String channel : players) {
                double[] value = values.get(channel);
                value[0] += conversionsEach;
                value[1] += valueEach;
            }
        }
        return values;
    }

    @Override
    public Attribution credit(PathSet paths) {
        CreditLedger ledger = new CreditLedger();
        for (Map.Entry<String, double[]> value : shapleyValues(paths).entrySet()) {
            ledger.credit(value.getKey(), value.getValue()[0], value.getValue()[1]);
        }
        return ledger.toAttribution(name(), paths);
    }
}
