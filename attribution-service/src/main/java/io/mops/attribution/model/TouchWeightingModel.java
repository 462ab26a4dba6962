package io.mops.attribution.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * The rule-based models: each converting journey's conversion, and its value, is split among its touchpoints by
 * weights that add up to one and depend only on the touchpoints' positions (or times). Because every touchpoint
 * is credited on its own, these models also credit campaigns.
 */
public abstract sealed class TouchWeightingModel implements AttributionModel
        permits FirstTouch, LastTouch, Linear, PositionBased, TimeDecay {

    /** The share of each of {@code touches} positions, first to last; the shares add up to one. */
    protected abstract double[] weights(int touches);

    /** The share of each touchpoint of a converted journey; by default its position alone decides. */
    protected double[] weights(List<Touchpoint> touchpoints, Conversion conversion) {
        return weights(touchpoints.size());
    }

    @Override
    public Attribution credit(PathSet paths) {
        CreditLedger ledger = new CreditLedger();
        for (AggregatedPath line : paths.paths()) {
            if (line.conversions() == 0) {
                continue;
            }
            double[] weights = weights(line.path().length());
            double value = line.conversionValue().doubleValue();
            List<String> channels = line.path().channels();
            for (int i = 0; i < weights.length; i++) {
                ledger.credit(channels.get(i), line.conversions() * weights[i], value * weights[i]);
            }
        }
        return ledger.toAttribution(name(), paths);
    }

    @Override
    public Attribution credit(JourneySet journeys) {
        Tally tally = tally();
        journeys.journeys().forEach(tally::add);
        return tally.result(journeys.currency());
    }

    /** Credit collected journey by journey, so that the journeys need not be held. */
    public Tally tally() {
        return new Tally();
    }

    /** This model's credit of the journeys added so far: memory grows with channels and campaigns only. */
    public final class Tally {

        private final CreditLedger ledger = new CreditLedger();
        private long conversions;
        private BigDecimal totalValue = BigDecimal.ZERO;

        private Tally() {
        }

        public void add(Journey journey) {
            if (journey.conversion().isEmpty()) {
                return;
            }
            Conversion conversion = journey.conversion().get();
            conversions++;
            totalValue = totalValue.add(conversion.value());
            double[] weights = weights(journey.touchpoints(), conversion);
            double value = conversion.value().doubleValue();
            for (int i = 0; i < weights.length; i++) {
                ledger.credit(journey.touchpoints().get(i), weights[i], value * weights[i]);
            }
        }

        public Attribution result(String currency) {
            return ledger.toAttribution(name(), currency, conversions, totalValue);
        }
    }
}
