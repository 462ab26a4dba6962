package io.mops.attribution.connect;

import io.mops.common.events.ConversionObserved;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CrmMatchTest {

    private static final Instant NOV_20_9H = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant END_OF_NOV_24 = Instant.parse("2026-11-24T23:59:59.999Z");

    private static CrmDeal deal(String customer, String clickId, LocalDate closed) {
        return new CrmDeal("006A", closed, new BigDecimal("12500.00"), "EUR", customer, clickId);
    }

    @Test
    void aDealConvertsAtTheEndOfItsCloseDayUtc() {
        assertEquals(END_OF_NOV_24, CrmMatch.convertedAt(LocalDate.of(2026, 11, 24)));
    }

    @Test
    void aClickIdSeenOnAnAnonymousVisitJoinsThatDeviceToTheCrmCustomer() {
        CrmMatch.Outcome outcome = CrmMatch.match(deal("003A", "gclid-1", LocalDate.of(2026, 11, 24)),
                Map.of("gclid-1", new CrmMatch.Touch(null, "device-1", NOV_20_9H)), Map.of());

        assertEquals(new ConversionObserved("003A", "device-1", END_OF_NOV_24, new BigDecimal("12500.00"), "EUR"),
                outcome.conversion());
    }

    @Test
    void aClickIdOfASignedInVisitConvertsAsThatVisitsUser() {
        CrmMatch.Outcome outcome = CrmMatch.match(deal("003A", "gclid-1", LocalDate.of(2026, 11, 24)),
                Map.of("gclid-1", new CrmMatch.Touch("c-1001", "device-1", NOV_20_9H)), Map.of());

        assertEquals("c-1001", outcome.conversion().userId());
        assertEquals("device-1", outcome.conversion().anonymousId());
    }

    @Test
    void withoutAClickMatchTheCustomerIdMatchesAUsersEarlierTouchpoint() {
        CrmMatch.Outcome outcome = CrmMatch.match(deal("c-1001", "gclid-unknown", LocalDate.of(2026, 11, 24)),
                Map.of(), Map.of("c-1001", new CrmMatch.Touch("c-1001", null, NOV_20_9H)));

        assertEquals(new ConversionObserved("c-1001", null, END_OF_NOV_24, new BigDecimal("12500.00"), "EUR"),
                outcome.conversion());
    }

    @Test
    void aTouchpointAfterTheCloseDayDoesNotMatch() {
        CrmMatch.Outcome outcome = CrmMatch.match(deal("c-1001", "gclid-1", LocalDate.of(2026, 11, 19)),
                Map.of("gclid-1", new CrmMatch.Touch(null, "device-1", NOV_20_9H)),
                Map.of("c-1001", new CrmMatch.Touch("c-1001", null, NOV_20_9H)));

        assertNull(outcome.conversion());
        assertEquals("no touchpoint on or before 2026-11-19 with the click id 'gclid-1' or the user id 'c-1001'",
                outcome.unmatched());
    }

    @Test
    void aDealNamingNoCustomerAndNoClickIsUnmatched() {
        CrmMatch.Outcome outcome = CrmMatch.match(deal(null, null, LocalDate.of(2026, 11, 24)), Map.of(), Map.of());

        assertEquals("the deal names no customer and no click id to match a journey by", outcome.unmatched());
    }
}
