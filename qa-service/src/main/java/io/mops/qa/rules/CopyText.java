package io.mops.qa.rules;

import java.util.function.Supplier;

/**
 * A piece of copy recipients read (a subject, a headline, a paragraph of the email), and where it sits. The location
 * is worked out only when a finding needs it: most copy is fine, and an HTML element's path costs a walk to the root.
 */
public record CopyText(String text, Supplier<Location> where) {

    public CopyText {
        where = once(where);
    }

    public Location location() {
        return where.get();
    }

    /** Works the location out once, on first use. */
    static Supplier<Location> once(Supplier<Location> where) {
        return new Supplier<>() {
            private Location location;

            @Override
            public Location get() {
                if (location == null) {
                    location = where.get();
                }
                return location;
            }
        };
    }
}
