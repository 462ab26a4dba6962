package io.mops.budget.guard;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Spend within the day far above what pacing expects by this hour. Pacing gives the channel's expected spend for
 * the day (its allocation spread over the plan's days); the channel's intraday profile says which share of a day is
 * due by each hour. Two tests, because a runaway late in the day barely moves the day's total at first:
 * <ul>
 * <li>the last hour against its share of the channel's run rate over the 24 hours before it (fast: one hour of a
 * runaway suffices). The run rate, not the plan's daily amount, because a channel's level drifts from day to day by
 * far more than one hour's noise, and a threshold wide enough for that drift would let a runaway through;</li>
 * <li>the day so far against what pacing had due by now (catches an overspend too slow for the first test), once a
 * fair share of the day is due: in its first hours the day so far is one or two hours' noise.</li>
 * </ul>
 * Neither fires before the spend in question reaches a minimum share of the expected day, so that a few euros at
 * four in the morning are no alarm.
 */
public final class SpendRunaway {

    private final double hourlyRatio;
    private final double dailyRatio;
    private final double minShareOfDay;
    private final double dailyFromShare;

    public SpendRunaway(Map<String, Double> thresholds) {
        this.hourlyRatio = thresholds.get("hourlyRatio");
        this.dailyRatio = thresholds.get("dailyRatio");
        this.minShareOfDay = thresholds.get("minShareOfDay");
        this.dailyFromShare = thresholds.get("dailyFromShare");
    }

    /**
     * @param before        the channel's hours before the last one, oldest first (the last 24 are its run rate; when
     *                      there are none, pacing's day stands in)
     * @param today         the channel's hours of the current UTC day so far, oldest first; the last one just ended
     * @param expectedDaily what pacing expects the channel to spend in a whole day
     */
    public Optional<Anomaly> judge(String channel, List<ChannelHour> before, List<ChannelHour> today,
                                   double expectedDaily, IntradayProfile profile) {
        if (today.isEmpty() || expectedDaily <= 0) {
            return Optional.empty();
        }
        ChannelHour last = today.get(today.size() - 1);
        int hour = last.hourOfDay();
        double floor = minShareOfDay * expectedDaily;
        double expectedHour = runRate(before, profile, expectedDaily) * profile.share(hour);
        if (last.spend() >= floor && last.spend() > hourlyRatio * expectedHour) {
            return Optional.of(new Anomaly(Detector.SPEND_RUNAWAY, channel, last.hour().plusSeconds(3600),
                    last.spend(), expectedHour, last.spend() / expectedHour,
                    String.format("%s spent %.2f in the hour from %s, %.1f times the %.2f its run rate expects of that hour",
                            channel, last.spend(), last.hour(), last.spend() / expectedHour, expectedHour),
                    Severity.above(last.spend() / expectedHour, hourlyRatio)));
        }
        double spentToday = today.stream().mapToDouble(ChannelHour::spend).sum();
        double dueByNow = expectedDaily * profile.shareThrough(hour);
        if (spentToday >= floor && dueByNow >= dailyFromShare * expectedDaily && spentToday > dailyRatio * dueByNow) {
            return Optional.of(new Anomaly(Detector.SPEND_RUNAWAY, channel, last.hour().plusSeconds(3600),
                    spentToday, dueByNow, spentToday / dueByNow,
                    String.format("%s spent %.2f today by %s, %.1f times the %.2f pacing expects by then",
                            channel, spentToday, last.hour().plusSeconds(3600), spentToday / dueByNow, dueByNow),
                    Severity.above(spentToday / dueByNow, dailyRatio)));
        }
        return Optional.empty();
    }

    /** Spend per day at the pace of the last 24 hours, each hour weighed by its share of a day. */
    static double runRate(List<ChannelHour> before, IntradayProfile profile, double expectedDaily) {
        List<ChannelHour> last = before.subList(Math.max(0, before.size() - 24), before.size());
        double spend = 0;
        double share = 0;
        for (ChannelHour hour : last) {
            spend += hour.spend();
            share += profile.share(hour.hourOfDay());
        }
        return share > 0 && spend > 0 ? spend / share : expectedDaily;
    }
}
