package io.mops.common.trackrecord;

import io.mops.common.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrackRecordQueryTest {

    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate NOV_30 = LocalDate.of(2026, 11, 30);

    @Test
    void theDaysAreUtcDaysWithTheLastOneIncluded() {
        TrackRecordQuery query = new TrackRecordQuery(Optional.of(NOV_1), Optional.of(NOV_30), Optional.empty());
        assertEquals(Optional.of(Instant.parse("2026-11-01T00:00:00Z")), query.decidedFrom());
        // Decisions up to 2026-11-30T23:59:59.999… count: the bound is the next midnight, excluded.
        assertEquals(Optional.of(Instant.parse("2026-12-01T00:00:00Z")), query.decidedBefore());
    }

    @Test
    void oneDayIsAQueryFromMidnightToMidnight() {
        TrackRecordQuery query = new TrackRecordQuery(Optional.of(NOV_1), Optional.of(NOV_1), Optional.empty());
        TrackRecordQuery.Where where = query.where("concludedAt", "channel");
        assertEquals("concludedAt >= :from and concludedAt < :to", where.query());
        assertEquals(Map.of("from", Instant.parse("2026-11-01T00:00:00Z"), "to", Instant.parse("2026-11-02T00:00:00Z")),
                where.parameters());
    }

    @Test
    void aLastDayBeforeTheFirstIsRefusedNamingTo() {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> new TrackRecordQuery(Optional.of(NOV_30), Optional.of(NOV_1), Optional.empty()));
        assertEquals("to", refused.violations().get(0).field());
        assertEquals("must not be before from (2026-11-30)", refused.violations().get(0).message());
    }

    @Test
    void withoutBoundsOrChannelEveryDecisionIsListed() {
        TrackRecordQuery.Where where = new TrackRecordQuery(Optional.empty(), Optional.empty(), Optional.empty())
                .where("forecastAt", "channel");
        assertEquals("1 = 1", where.query());
        assertEquals(Map.of(), where.parameters());
    }

    @Test
    void aChannelAndAServicesOwnConditionAreJoinedWithTheBounds() {
        TrackRecordQuery.Where where = new TrackRecordQuery(Optional.empty(), Optional.of(NOV_30), Optional.of("email"))
                .where("forecastAt", "channel")
                .and("campaignId = :campaign", "campaign", "spring-sale");
        assertEquals("forecastAt < :to and channel = :channel and campaignId = :campaign", where.query());
        assertEquals(Map.of("to", Instant.parse("2026-12-01T00:00:00Z"), "channel", "email", "campaign", "spring-sale"),
                where.parameters());
    }
}
