package io.mops.budget.budgets;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a list of plans is narrowed to; every part optional.
 *
 * @param channel      only plans that allocate money to this channel
 * @param currency     only plans in this currency (ISO 4217)
 * @param activeOn     only plans whose period contains this day
 * @param nameContains only plans whose name contains this text, ignoring case
 */
public record PlanFilter(Optional<String> channel, Optional<String> currency, Optional<LocalDate> activeOn,
                         Optional<String> nameContains) {

    /** Newest period first; plans of the same period by name, then id, so that pages never overlap. */
    static final Sort NEWEST_PERIOD_FIRST = Sort.descending("periodStart").and("name").and("id");

    PanacheQuery<Plan> query() {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        channel.ifPresent(c -> {
            conditions.add("exists (select 1 from ChannelAllocation a where a.planId = p.id and a.channel = :channel)");
            parameters.and("channel", c);
        });
        currency.ifPresent(c -> {
            conditions.add("currency = :currency");
            parameters.and("currency", c);
        });
        activeOn.ifPresent(day -> {
            conditions.add("periodStart <= :day and periodEnd >= :day");
            parameters.and("day", day);
        });
        nameContains.ifPresent(text -> {
            // '!' escapes the wildcards, so that a name with '%' or '_' in it matches only itself
            conditions.add("lower(name) like :name escape '!'");
            parameters.and("name", "%" + text.toLowerCase().replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_") + "%");
        });
        return conditions.isEmpty() ? Plan.findAll(NEWEST_PERIOD_FIRST)
                : Plan.find("from Plan p where " + String.join(" and ", conditions), NEWEST_PERIOD_FIRST, parameters);
    }
}
