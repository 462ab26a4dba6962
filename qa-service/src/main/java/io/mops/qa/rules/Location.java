package io.mops.qa.rules;

import java.util.Comparator;

/**
 * Where a finding points: a field of the submission ({@code creatives.email.subject}, {@code trackingLinks[2]}) and,
 * inside HTML, the CSS selector of the offending element ({@code html > body > p:nth-child(4) > a}).
 */
public record Location(String field, String element) implements Comparable<Location> {

    private static final Comparator<Location> ORDER = Comparator
            .comparing((Location l) -> l.field)
            .thenComparing(l -> l.element, Comparator.nullsFirst(Comparator.<String>naturalOrder()));

    public static Location field(String field) {
        return new Location(field, null);
    }

    public static Location element(String field, String cssSelector) {
        return new Location(field, cssSelector);
    }

    @Override
    public int compareTo(Location other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return element == null ? field : field + " @ " + element;
    }
}
