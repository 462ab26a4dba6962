package io.mops.simulator.market;

/**
 * Something that goes wrong in the market's data or delivery.
 *
 * <ul>
 *   <li>{@code tracking-outage}: from {@code fromDay} to {@code toDay} (inclusive) the channel's touchpoints and
 *       conversions are not reported (the ad platform still spends and the spend is still reported);</li>
 *   <li>{@code spend-spike}: on {@code fromDay} the channel's ad platform spends {@code factor} times its budget.</li>
 * </ul>
 */
public record FaultSpec(String kind, String channel, int fromDay, Integer toDay, Double factor) {

    public static final String TRACKING_OUTAGE = "tracking-outage";
    public static final String SPEND_SPIKE = "spend-spike";

    public int lastDay() {
        return toDay == null ? fromDay : toDay;
    }

    public boolean covers(int day) {
        return day >= fromDay && day <= lastDay();
    }

    void validate(String field, java.util.List<String> channels, int days) {
        if (!TRACKING_OUTAGE.equals(kind) && !SPEND_SPIKE.equals(kind)) {
            throw new MarketSpecException(field + ".kind", "must be " + TRACKING_OUTAGE + " or " + SPEND_SPIKE);
        }
        if (!channels.contains(channel)) {
            throw new MarketSpecException(field + ".channel", "'" + channel + "' is not one of the market's channels");
        }
        if (fromDay < 0 || lastDay() < fromDay) {
            throw new MarketSpecException(field + ".toDay", "the fault must start on day ≥ 0 and not end before it starts");
        }
        if (SPEND_SPIKE.equals(kind) && (factor == null || !(factor > 0))) {
            throw new MarketSpecException(field + ".factor", "a spend spike needs a factor > 0");
        }
    }
}
