package io.mops.budget.guard;

import io.mops.budget.signal.ChannelSignal;
import io.mops.budget.signal.CurvesConfig;
import io.mops.common.events.ChannelPerformanceUpdated.PeriodKind;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The performance-shift detector on the live stream: each daily channel signal attribution-service publishes (the
 * curves' attribution model) has the channel's cost per conversion judged by {@link PerformanceShift}, with the CoE's
 * thresholds, over its newest days; a shift is contained like every other finding ({@link RiskGuard}), in the
 * transaction that stores the signal, so the finding exists exactly when the figures that caused it do.
 */
@ApplicationScoped
public class PerformanceWatch {

    /**
     * Days judged after the baseline: a month, as the detection quality was measured (docs/benchmarks.md). The
     * baseline is the {@code baselineDays} days before them, so it follows the channel as the days go by.
     */
    static final int JUDGED_DAYS = 30;

    private final RiskGuard guard;
    private final DetectorSettings settings;
    private final CurvesConfig curves;

    public PerformanceWatch(RiskGuard guard, DetectorSettings settings, CurvesConfig curves) {
        this.guard = guard;
        this.settings = settings;
        this.curves = curves;
    }

    /**
     * Judges the channel after a signal of it was stored. Only daily signals of the curves' attribution model count:
     * the CUSUM's run lengths and thresholds are per day, and credit of another model is another measure. Call it
     * inside the transaction that stored the signal.
     */
    public Uni<Void> onSignal(String channel, String model, PeriodKind kind, String currency) {
        if (!guard.enabled() || kind != PeriodKind.DAY || !curves.attributionModel().equals(model)) {
            return Uni.createFrom().voidItem();
        }
        return settings.current().chain(current -> {
            DetectorSetting setting = current.get(Detector.PERFORMANCE_SHIFT);
            int baselineDays = (int) Math.round(setting.thresholds().get("baselineDays"));
            return ChannelSignal.<ChannelSignal>find("key.channel = ?1 and key.model = ?2 and key.periodKind = ?3 "
                                    + "and key.currency = ?4", Sort.descending("key.periodStart"), channel, model, kind,
                            currency)
                    .page(0, baselineDays + JUDGED_DAYS).list()
                    .map(PerformanceWatch::oldestFirst)
                    .map(days -> new PerformanceShift(setting.thresholds()).judge(channel, days))
                    .chain(found -> guard.containInTransaction(found.stream().toList()));
        }).replaceWithVoid();
    }

    private static List<PerformanceShift.Day> oldestFirst(List<ChannelSignal> newestFirst) {
        List<PerformanceShift.Day> days = new ArrayList<>();
        for (ChannelSignal signal : newestFirst) {
            days.add(new PerformanceShift.Day(signal.key.periodStart(), signal.spend.doubleValue(),
                    signal.creditedConversions.doubleValue()));
        }
        Collections.reverse(days);
        return days;
    }
}
