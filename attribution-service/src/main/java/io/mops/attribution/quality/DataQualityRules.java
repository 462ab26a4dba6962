package io.mops.attribution.quality;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The data-quality detectors of ingest (issue 15), as plain rules over counts: per channel and window of arrival, how
 * many touchpoints arrived, how many of them were already seen (their event id stored before, or earlier in the same
 * poll), how many happened far in the future or the past of their arrival, and how many name a campaign outside the
 * taxonomy. A window's counts cross a threshold at most once per detector, which the caller keeps.
 */
public final class DataQualityRules {

    /** The detectors, by the key they carry in {@code AnomalyDetected}. */
    public static final String DUPLICATE_EVENTS = "duplicate-events", EVENT_TIMING = "event-timing",
            OFF_TAXONOMY = "off-taxonomy";

    /**
     * @param minEvents          a window with fewer touchpoints of a channel is not judged for duplicates
     * @param maxDuplicateShare  alarm when the share of already-seen touchpoints in a window is above this
     * @param maxAhead           a touchpoint that happened more than this after it arrived is mistimed
     * @param maxBehind          a touchpoint that happened more than this before it arrived is mistimed
     * @param maxMistimed        alarm when a window holds more mistimed touchpoints than this
     * @param campaignPattern    the taxonomy's campaign names (the whole name must match); empty: not judged
     * @param maxOffTaxonomy     alarm when a window holds more touchpoints naming another campaign than this
     */
    public record Thresholds(long minEvents, double maxDuplicateShare, Duration maxAhead, Duration maxBehind,
                             long maxMistimed, Optional<Pattern> campaignPattern, long maxOffTaxonomy) {
    }

    /** One touchpoint as ingest saw it; {@code duplicate} when its event id was seen before. */
    public record Observation(String channel, Instant occurredAt, String campaign, boolean duplicate) {
    }

    /** What a channel's window holds; a duplicate is counted only as such (not again as mistimed or off-taxonomy). */
    public record Counts(long events, long duplicates, long mistimed, long offTaxonomy) {

        public static final Counts NONE = new Counts(0, 0, 0, 0);

        public Counts plus(Counts other) {
            return new Counts(events + other.events, duplicates + other.duplicates, mistimed + other.mistimed,
                    offTaxonomy + other.offTaxonomy);
        }
    }

    /** A threshold crossed by a channel's window, in the terms of {@code AnomalyDetected}. */
    public record Finding(String detector, String channel, Instant windowStart, double observed, double expected,
                          double statistic, String evidence) {
    }

    private final Thresholds thresholds;

    public DataQualityRules(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** The window of arrival an instant falls in: windows of {@code length} from the epoch. */
    public static Instant windowOf(Instant at, Duration length) {
        long size = length.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), size) * size);
    }

    /** Counts the touchpoints of one arrival per channel. */
    public Map<String, Counts> count(List<Observation> arrived, Instant receivedAt) {
        Map<String, Counts> byChannel = new TreeMap<>();
        Instant latest = receivedAt.plus(thresholds.maxAhead());
        Instant earliest = receivedAt.minus(thresholds.maxBehind());
        for (Observation o : arrived) {
            boolean mistimed = !o.duplicate() && (o.occurredAt().isAfter(latest) || o.occurredAt().isBefore(earliest));
            boolean offTaxonomy = !o.duplicate() && o.campaign() != null && thresholds.campaignPattern()
                    .map(p -> !p.matcher(o.campaign()).matches()).orElse(false);
            byChannel.merge(o.channel(), new Counts(1, o.duplicate() ? 1 : 0, mistimed ? 1 : 0, offTaxonomy ? 1 : 0),
                    Counts::plus);
        }
        return byChannel;
    }

    /** The thresholds a channel's window crosses with these counts (its counts so far). */
    public List<Finding> judge(String channel, Instant windowStart, Duration window, Counts counts) {
        List<Finding> found = new ArrayList<>();
        String in = " in the " + window + " window from " + windowStart;
        if (counts.events() >= thresholds.minEvents() && counts.events() > 0) {
            double share = (double) counts.duplicates() / counts.events();
            if (share > thresholds.maxDuplicateShare()) {
                found.add(new Finding(DUPLICATE_EVENTS, channel, windowStart, share, thresholds.maxDuplicateShare(),
                        counts.duplicates(), String.format(Locale.ROOT, "%s: %d of %d touchpoints (%.1f %%) were "
                                + "already seen%s, above the %.1f %% allowed", channel, counts.duplicates(),
                        counts.events(), 100 * share, in, 100 * thresholds.maxDuplicateShare())));
            }
        }
        if (counts.mistimed() > thresholds.maxMistimed()) {
            found.add(new Finding(EVENT_TIMING, channel, windowStart, counts.mistimed(), thresholds.maxMistimed(),
                    counts.mistimed(), String.format(Locale.ROOT, "%s: %d touchpoints happened more than %s after or "
                            + "%s before they arrived%s, above the %d allowed", channel, counts.mistimed(),
                    thresholds.maxAhead(), thresholds.maxBehind(), in, thresholds.maxMistimed())));
        }
        if (thresholds.campaignPattern().isPresent() && counts.offTaxonomy() > thresholds.maxOffTaxonomy()) {
            found.add(new Finding(OFF_TAXONOMY, channel, windowStart, counts.offTaxonomy(),
                    thresholds.maxOffTaxonomy(), counts.offTaxonomy(), String.format(Locale.ROOT, "%s: %d touchpoints "
                            + "named a campaign outside the taxonomy (%s)%s, above the %d allowed", channel,
                    counts.offTaxonomy(), thresholds.campaignPattern().get().pattern(), in,
                    thresholds.maxOffTaxonomy())));
        }
        return found;
    }
}
