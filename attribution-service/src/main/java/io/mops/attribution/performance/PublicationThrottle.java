package io.mops.attribution.performance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides which channels' figures for one period and model are worth publishing: those never published, and those
 * that changed since their last publication — a revision — once the minimum interval since it has passed, so that
 * late data trickling in does not republish a period every few minutes. A change held back is not lost: it is still
 * a change at the next run. A channel published before that no longer appears in the period is revised once to
 * nothing credited and nothing spent. Figures recorded by hand are left as they are: they stand for data attribution
 * does not have, and only another recording revises them.
 */
public final class PublicationThrottle {

    /** What was last published for a channel in the period, when, and whether a person recorded it. */
    public record Publication(ChannelFigures figures, Instant publishedAt, boolean recordedByHand) {
    }

    private final Duration minimumInterval;

    public PublicationThrottle(Duration minimumInterval) {
        if (minimumInterval.isNegative()) {
            throw new IllegalArgumentException("the minimum interval must not be negative: " + minimumInterval);
        }
        this.minimumInterval = minimumInterval;
    }

    /**
     * @param current the figures of every channel computed for the period now
     * @param last    the last publication per channel for the period
     * @return the figures to publish now, by channel
     */
    public List<ChannelFigures> due(Collection<ChannelFigures> current, Map<String, Publication> last, Instant now) {
        Map<String, ChannelFigures> figures = new TreeMap<>();
        last.keySet().forEach(channel -> figures.put(channel, ChannelFigures.nothing(channel)));
        current.forEach(f -> figures.put(f.channel(), f));
        List<ChannelFigures> due = new ArrayList<>();
        for (ChannelFigures figure : figures.values()) {
            Publication previous = last.get(figure.channel());
            if (previous == null) {
                due.add(figure);
            } else if (!previous.recordedByHand() && !figure.sameAs(previous.figures())
                    && !now.isBefore(previous.publishedAt().plus(minimumInterval))) {
                due.add(figure);
            }
        }
        return due;
    }
}
