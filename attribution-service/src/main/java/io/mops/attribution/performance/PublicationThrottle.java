package io.mops.attribution.performance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides which channels' figures are worth announcing: those that changed since their last announcement, and
 * only once the minimum interval since it has passed, so that a stream of touchpoints moving the figures a little
 * every minute does not flood the topic. A change held back is not lost: it is still a change at the next run.
 * A channel announced before that has dropped out of the window is announced once more, with nothing credited.
 */
public final class PublicationThrottle {

    /** What was last announced for a channel, and when. */
    public record Publication(ChannelFigures figures, Instant publishedAt) {
    }

    private final Duration minimumInterval;

    public PublicationThrottle(Duration minimumInterval) {
        if (minimumInterval.isNegative()) {
            throw new IllegalArgumentException("the minimum interval must not be negative: " + minimumInterval);
        }
        this.minimumInterval = minimumInterval;
    }

    /**
     * @param current the figures of every channel in the window now
     * @param last    the last announcement per channel
     * @return the figures to announce now, by channel
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
            } else if (!figure.sameAs(previous.figures()) && !now.isBefore(previous.publishedAt().plus(minimumInterval))) {
                due.add(figure);
            }
        }
        return due;
    }
}
