package io.mops.simulator.market;

/**
 * A channel's true response on a given day: what the market really does, which MOPS never sees directly.
 * Expected incremental conversions per day as a function of the adstock, scaled by that day's drift and weekday.
 */
public final class TrueResponse {

    private final ChannelSpec channel;

    public TrueResponse(ChannelSpec channel) {
        this.channel = channel;
    }

    public String channel() {
        return channel.name();
    }

    public double decay() {
        return channel.response().decayOrZero();
    }

    public double meanConversionValue() {
        return channel.conversionValue().mean();
    }

    /** Multiplier of the response on {@code day} (0-based) that falls on weekday {@code dayOfWeek} (0 = Monday). */
    public double scaleOn(int day, int dayOfWeek) {
        return Math.max(0, 1 + channel.drift() * day) * channel.seasonality(dayOfWeek);
    }

    /** Expected incremental conversions on a day whose adstock is {@code adstock}, before the day's scaling. */
    public double response(double adstock) {
        ResponseSpec r = channel.response();
        if (adstock <= 0) {
            return 0;
        }
        return switch (r.family()) {
            case ResponseSpec.ADSTOCK_HILL -> {
                // 1 / (1 + (K/A)^S): finite for every adstock, however large or small
                yield r.maxResponse() / (1 + Math.pow(r.halfSaturation() / adstock, r.shape()));
            }
            case ResponseSpec.LOGARITHMIC -> r.scale() * Math.log1p(adstock / r.saturation());
            case ResponseSpec.LINEAR_CAPPED -> Math.min(r.rate() * adstock, r.cap());
            default -> throw new IllegalStateException(r.family());
        };
    }

    /** Expected conversions per day when {@code dailySpend} is spent every day (adstock settled at x / (1 − decay)). */
    public double steadyState(double dailySpend, int day, int dayOfWeek) {
        return scaleOn(day, dayOfWeek) * response(dailySpend / (1 - decay()));
    }
}
