package io.mops.qa.forecast;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Which audience a campaign reaches, as a key that compares equal for the same targeting however it was written: the
 * targeting criteria, trimmed, lowercased, without duplicates, sorted, joined with {@code " & "}. A campaign without
 * targeting reaches the channel's whole list: {@value #EVERYONE}.
 */
public final class AudienceKey {

    public static final String EVERYONE = "everyone";

    private AudienceKey() {
    }

    public static String of(List<String> targeting) {
        TreeSet<String> criteria = new TreeSet<>();
        if (targeting != null) {
            targeting.stream().filter(t -> t != null && !t.isBlank())
                    .map(t -> t.strip().toLowerCase(Locale.ROOT)).forEach(criteria::add);
        }
        return criteria.isEmpty() ? EVERYONE : String.join(" & ", criteria);
    }
}
