package io.mops.budget.guard;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The detectors of the risk guard, each with the thresholds the CoE may set (their ranges and defaults) and the
 * containment actions that make sense for it.
 */
public enum Detector {

    /** Spend within the day far above what pacing expects by this hour. */
    SPEND_RUNAWAY(List.of(
            new Threshold("hourlyRatio", 1.5, 100, 3,
                    "alarm when one hour's spend exceeds this multiple of its share of the last 24 hours' run rate"),
            new Threshold("dailyRatio", 1.1, 100, 2.0,
                    "alarm when today's spend so far exceeds this multiple of what pacing expects by this hour"),
            new Threshold("minShareOfDay", 0, 1, 0.02,
                    "no alarm before the spend in question reaches this share of the expected day"),
            new Threshold("dailyFromShare", 0, 1, 0.2,
                    "the day so far is judged only once pacing has this share of the day due")),
            EnumSet.complementOf(EnumSet.of(ContainmentAction.ROLL_BACK_LAST_MOVE)),
            ContainmentAction.PAUSE_CAMPAIGN_SPEND),

    /** A channel's touchpoints fall to near zero while its spend continues. */
    TRACKING_BREAKAGE(List.of(
            new Threshold("maxProbability", 1e-9, 0.05, 1e-4,
                    "alarm when so few touchpoints have this probability or less under the channel's normal rate"),
            new Threshold("maxShareOfExpected", 0, 1, 0.2,
                    "and only when the touchpoints are at most this share of the expected (near zero, not merely low)"),
            new Threshold("windowHours", 1, 24, 6,
                    "the longest run of recent hours judged together")),
            EnumSet.allOf(ContainmentAction.class), ContainmentAction.FREEZE_CHANNEL),

    /** Cost per conversion beyond a two-sided CUSUM's control limit. */
    PERFORMANCE_SHIFT(List.of(
            new Threshold("k", 0, 3, 0.5,
                    "CUSUM reference value in standard deviations of the daily log cost per conversion (half the "
                            + "shift to detect)"),
            new Threshold("h", 1, 20, 5,
                    "CUSUM decision interval in standard deviations: 5 with k 0.5 gives about 465 in-control days "
                            + "between false alarms"),
            new Threshold("baselineDays", 7, 90, 28,
                    "days of history that set the in-control mean and standard deviation")),
            onTheLoopsEvidence(), ContainmentAction.FREEZE_CHANNEL),

    /**
     * Spend recorded for a campaign QA has not cleared for launch (issue 15, launch control; only while
     * {@code mops.budget.launch-control} is not {@code OFF}). No thresholds: any such spend is a finding. Pausing
     * spend pauses only the uncleared campaigns, not the channel's others.
     */
    UNCLEARED_SPEND(List.of(), EnumSet.complementOf(EnumSet.of(ContainmentAction.ROLL_BACK_LAST_MOVE)),
            ContainmentAction.PAUSE_CAMPAIGN_SPEND),

    /**
     * The loop's own decisions: an applied budget move whose realised outcome (the track record's) fell below its
     * forecast's 90 % interval ({@link LoopDecision}). No thresholds: the interval is the track record's. Freezing the
     * moved channels keeps the loop from moving money on the curves that were wrong until a person has looked.
     */
    LOOP_DECISION(List.of(), onTheLoopsEvidence(), ContainmentAction.FREEZE_CHANNEL),

    /**
     * Reported by attribution-service's ingest (its {@code AnomalyDetected}): a storm of touchpoints already seen. Its
     * thresholds are attribution-service's configuration ({@code mops.attribution.quality.*}), none here; freezing
     * the channel keeps the loop from moving money on counts the storm inflated.
     */
    DUPLICATE_EVENTS(List.of(), onTheLoopsEvidence(), ContainmentAction.FREEZE_CHANNEL),

    /** Reported by attribution-service's ingest: touchpoints far in the future or the past of their arrival. */
    EVENT_TIMING(List.of(), onTheLoopsEvidence(), ContainmentAction.FREEZE_CHANNEL),

    /** Reported by attribution-service's ingest: touchpoints naming campaigns outside the taxonomy, at volume. */
    OFF_TAXONOMY(List.of(), onTheLoopsEvidence(), ContainmentAction.FREEZE_CHANNEL);

    /**
     * The actions of a detector whose finding says the loop's evidence or decisions were wrong (a performance shift,
     * the loop's own decisions, inflated or misdated data): alert, freeze the channel's moves, or also roll back the
     * last move, which the loop may have made on that evidence. Spend runaway and uncleared spend are about campaigns'
     * spend, which a budget move between channels neither caused nor stops, so rolling one back is refused for them.
     */
    private static Set<ContainmentAction> onTheLoopsEvidence() {
        return EnumSet.of(ContainmentAction.ALERT_ONLY, ContainmentAction.FREEZE_CHANNEL,
                ContainmentAction.ROLL_BACK_LAST_MOVE);
    }

    /** The detectors another service runs and reports by {@code AnomalyDetected}; this service only contains. */
    public boolean reported() {
        return this == DUPLICATE_EVENTS || this == EVENT_TIMING || this == OFF_TAXONOMY;
    }

    /**
     * @param min lowest value allowed (inclusive)
     * @param max highest value allowed (inclusive)
     */
    public record Threshold(String name, double min, double max, double defaultValue, String meaning) {

        public boolean allows(double value) {
            return value >= min && value <= max;
        }
    }

    private final List<Threshold> thresholds;
    private final Set<ContainmentAction> actions;
    private final ContainmentAction defaultAction;

    Detector(List<Threshold> thresholds, Set<ContainmentAction> actions, ContainmentAction defaultAction) {
        this.thresholds = thresholds;
        this.actions = actions;
        this.defaultAction = defaultAction;
    }

    public List<Threshold> thresholds() {
        return thresholds;
    }

    public Set<ContainmentAction> actions() {
        return actions;
    }

    public ContainmentAction defaultAction() {
        return defaultAction;
    }

    public Map<String, Double> defaults() {
        Map<String, Double> defaults = new LinkedHashMap<>();
        thresholds.forEach(t -> defaults.put(t.name(), t.defaultValue()));
        return defaults;
    }

    /** The kebab-case name used in paths and events ({@code spend-runaway}). */
    public String key() {
        return name().toLowerCase().replace('_', '-');
    }

    public static java.util.Optional<Detector> ofKey(String key) {
        for (Detector detector : values()) {
            if (detector.key().equals(key)) {
                return java.util.Optional.of(detector);
            }
        }
        return java.util.Optional.empty();
    }
}
