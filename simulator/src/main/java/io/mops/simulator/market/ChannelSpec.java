package io.mops.simulator.market;

import java.util.List;

/**
 * One channel of the market.
 *
 * @param response             its true incremental effect
 * @param costPerTouchpoint    money per touchpoint (click or engaged view): spend / cost = touchpoints that day
 * @param conversionValue      value of one conversion (lognormal with this mean and standard deviation)
 * @param meanConversionDelayDays a caused conversion happens this many days after the touch on average (geometric)
 * @param responseDriftPerDay  the response is multiplied by {@code 1 + drift · day} (linear drift; clamped at 0)
 * @param weeklySeasonality    seven multipliers of the response, Monday first (all 1 when absent)
 */
public record ChannelSpec(String name, ResponseSpec response, Double costPerTouchpoint, ValueSpec conversionValue,
                          Double meanConversionDelayDays, Double responseDriftPerDay, List<Double> weeklySeasonality) {

    /** Lognormal conversion value. */
    public record ValueSpec(double mean, double sd) {
    }

    double drift() {
        return responseDriftPerDay == null ? 0 : responseDriftPerDay;
    }

    double delay() {
        return meanConversionDelayDays == null ? 0 : meanConversionDelayDays;
    }

    double seasonality(int dayOfWeekFromMonday) {
        return weeklySeasonality == null ? 1 : weeklySeasonality.get(dayOfWeekFromMonday);
    }

    void validate(String field) {
        if (name == null || !name.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new MarketSpecException(field + ".name", "must be a channel name (lower case letters, digits, '-')");
        }
        if (response == null) {
            throw new MarketSpecException(field + ".response", "is required");
        }
        response.validate(field + ".response");
        if (costPerTouchpoint == null || !(costPerTouchpoint > 0)) {
            throw new MarketSpecException(field + ".costPerTouchpoint", "must be > 0");
        }
        if (conversionValue == null || !(conversionValue.mean() > 0) || !(conversionValue.sd() >= 0)) {
            throw new MarketSpecException(field + ".conversionValue", "needs a mean > 0 and an sd ≥ 0");
        }
        if (!(delay() >= 0)) {
            throw new MarketSpecException(field + ".meanConversionDelayDays", "must be ≥ 0");
        }
        if (weeklySeasonality != null && (weeklySeasonality.size() != 7
                || weeklySeasonality.stream().anyMatch(m -> m == null || !(m >= 0)))) {
            throw new MarketSpecException(field + ".weeklySeasonality", "needs seven multipliers ≥ 0, Monday first");
        }
    }
}
