package io.mops.attribution.model;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The channels a customer touched, in order, as ChannelAttribution writes them: {@code search > email > search}.
 * A channel may repeat; a path has at least one channel.
 */
public record Path(List<String> channels) {

    public static final String SEPARATOR = " > ";
    private static final Pattern SPLIT = Pattern.compile("\\s*>\\s*");

    public Path {
        Objects.requireNonNull(channels, "channels");
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("a path has at least one channel");
        }
        channels = List.copyOf(channels);
        for (String channel : channels) {
            if (channel.isBlank()) {
                throw new IllegalArgumentException("a path has no blank channels");
            }
        }
    }

    public static Path of(String... channels) {
        return new Path(List.of(channels));
    }

    /**
     * Reads {@code "search > email"}. Exports differ in the spacing around the separator, so any whitespace
     * around {@code >} is accepted; channel names are trimmed.
     */
    public static Path parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the path is empty");
        }
        String[] parts = SPLIT.split(trimmed, -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isBlank()) {
                throw new IllegalArgumentException("channel " + (i + 1) + " of the path is empty");
            }
        }
        return new Path(List.of(parts));
    }

    public int length() {
        return channels.size();
    }

    public String first() {
        return channels.getFirst();
    }

    public String last() {
        return channels.getLast();
    }

    @Override
    public String toString() {
        return String.join(SEPARATOR, channels);
    }
}
