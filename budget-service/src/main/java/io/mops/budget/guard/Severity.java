package io.mops.budget.guard;

import java.util.List;
import java.util.Optional;

/**
 * How serious a finding is, in the terms a CoE person triages by: how far past its alarm line the detector found the
 * channel, and whether the containment stopped anything.
 * <ul>
 * <li>The <b>margin</b> is how many times beyond its alarm line the finding lies, 1 being exactly on it. Each
 * detector says what it measures against which line ({@link Anomaly#margin()}): a spend ratio against the ratio
 * that fires, a CUSUM sum against its decision interval, the share of expected touchpoints that arrived against the
 * largest share that is still a breakage (so a quarter of the allowed share is a margin of 4, none at all an
 * infinite one).</li>
 * <li>{@link Level#LOW} below a margin of {@value #MEDIUM_FROM}: just past the line, where a noisy day also lands;
 * {@link Level#MEDIUM} from {@value #MEDIUM_FROM}; {@link Level#HIGH} from {@value #HIGH_FROM}, twice the line.</li>
 * <li>When the containment stopped nothing (alert only, or a pause of campaign spend that found no campaign to pause)
 * the level is one higher: what the detector found is still going on.</li>
 * <li>A finding without an alarm line to measure against (spend of an uncleared campaign: any is a finding) is not
 * rated. A label the figures cannot support is worse than none.</li>
 * </ul>
 */
public final class Severity {

    /** From this margin a finding is {@link Level#MEDIUM}. */
    public static final double MEDIUM_FROM = 1.25;
    /** From this margin a finding is {@link Level#HIGH}. */
    public static final double HIGH_FROM = 2.0;

    public enum Level {
        LOW, MEDIUM, HIGH;

        Level raised() {
            return this == HIGH ? HIGH : values()[ordinal() + 1];
        }
    }

    private Severity() {
    }

    /**
     * @param margin    how many times beyond its alarm line the finding lies (≥ 1 for a finding; {@code NaN} when
     *                  the detector has no line); positive infinity when the line is crossed by any factor
     * @param contained whether the containment applied stopped anything
     * @return the level, or empty when the finding cannot be rated
     */
    public static Optional<Level> rate(double margin, boolean contained) {
        if (Double.isNaN(margin)) {
            return Optional.empty();
        }
        Level level = margin >= HIGH_FROM ? Level.HIGH : margin >= MEDIUM_FROM ? Level.MEDIUM : Level.LOW;
        return Optional.of(contained ? level : level.raised());
    }

    /** Whether {@code action} stopped anything: alert only stops nothing, nor does a pause of no campaign. */
    public static boolean contained(ContainmentAction action, List<?> pausedCampaigns) {
        return switch (action) {
            case ALERT_ONLY -> false;
            case PAUSE_CAMPAIGN_SPEND -> !pausedCampaigns.isEmpty();
            // A roll-back also freezes the channel, whether or not a move was there to roll back.
            case FREEZE_CHANNEL, PAUSE_EXPERIMENT, ROLL_BACK_LAST_MOVE -> true;
        };
    }

    /** The margin of a measure that fires above {@code line}: {@code value / line}; none for a line not above 0. */
    public static double above(double value, double line) {
        return line > 0 ? value / line : Double.NaN;
    }

    /**
     * The margin of a measure that fires at or below {@code line}: {@code line / value}; infinite for a value of 0,
     * none for a line not above 0.
     */
    public static double below(double value, double line) {
        if (!(line > 0)) {
            return Double.NaN;
        }
        return value <= 0 ? Double.POSITIVE_INFINITY : line / value;
    }
}
