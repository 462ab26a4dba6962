package io.mops.attribution.mapping;

import java.util.List;
import java.util.Optional;

/**
 * The CoE's channel mapping rules in force, in their order: the first rule that matches a visit's or a cost line's
 * source, medium and campaign decides its channel. Plain Java, so that the importers can hold one for a whole file.
 *
 * @param version 0 when no rules were ever set
 */
public record ChannelMapping(int version, List<MappingRule> rules) {

    public ChannelMapping {
        rules = List.copyOf(rules);
    }

    public static final ChannelMapping NONE = new ChannelMapping(0, List.of());

    public Optional<MappingRule> match(String source, String medium, String campaign) {
        return rules.stream().filter(rule -> rule.matches(source, medium, campaign)).findFirst();
    }
}
