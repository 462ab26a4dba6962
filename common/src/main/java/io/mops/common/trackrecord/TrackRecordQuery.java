package io.mops.common.trackrecord;

import io.mops.common.problem.InvalidRequestException;
import io.mops.common.security.ChannelScope;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which decisions a track record lists: those decided on the UTC days {@code from..to} (both ends included, either
 * open) of one channel or of all, at most {@value #LIMIT} of them, newest first. Each service's
 * {@code GET …/track-record} reads its query parameters into one of these and its own store with {@link #where}.
 *
 * @param from    first day, if any
 * @param to      last day, if any; never before {@code from}
 * @param channel the only channel to list, if any
 */
public record TrackRecordQuery(Optional<LocalDate> from, Optional<LocalDate> to, Optional<String> channel) {

    /** The most decisions one answer lists; the calibration is over the same ones. */
    public static final int LIMIT = 1000;

    public TrackRecordQuery {
        requireOrdered(from.orElse(null), to.orElse(null));
    }

    /**
     * The query a caller asked for: {@code to} before {@code from} is a 400 naming {@code to}; the channel is the one
     * the caller may see ({@link ChannelScope#visibleChannel(String)}: a channel team naming another channel is a 403,
     * naming none is confined to its own).
     */
    public static TrackRecordQuery of(LocalDate from, LocalDate to, String channel, ChannelScope scope) {
        // Before the scope: a bad range is a 400 whichever channel is named.
        requireOrdered(from, to);
        return new TrackRecordQuery(Optional.ofNullable(from), Optional.ofNullable(to), scope.visibleChannel(channel));
    }

    private static void requireOrdered(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidRequestException("to", "must not be before from (" + from + ")");
        }
    }

    /** The start of the first day, included. */
    public Optional<Instant> decidedFrom() {
        return from.map(day -> day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** The start of the day after the last day, excluded. */
    public Optional<Instant> decidedBefore() {
        return to.map(day -> day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /**
     * The query's conditions on a stored decision's time and channel, as a Panache query with named parameters.
     *
     * @param decidedAt the entity's field holding when the decision was made
     * @param channelOf the entity's field holding its channel
     */
    public Where where(String decidedAt, String channelOf) {
        Where where = new Where();
        decidedFrom().ifPresent(start -> where.and(decidedAt + " >= :from", "from", start));
        decidedBefore().ifPresent(end -> where.and(decidedAt + " < :to", "to", end));
        channel.ifPresent(c -> where.and(channelOf + " = :channel", "channel", c));
        return where;
    }

    /** Conditions joined by {@code and}, with the values of their named parameters. */
    public static final class Where {

        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> parameters = new LinkedHashMap<>();

        /** Adds a condition naming one parameter, e.g. {@code and("campaignId = :campaign", "campaign", id)}. */
        public Where and(String condition, String parameter, Object value) {
            conditions.add(condition);
            parameters.put(parameter, value);
            return this;
        }

        /** The conditions joined by {@code and}; {@code 1 = 1} when there are none. */
        public String query() {
            return conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        }

        public Map<String, Object> parameters() {
            return Map.copyOf(parameters);
        }
    }
}
