package io.mops.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The shipped sample campaigns (qa-service's {@code samples/}) were written for a QA run on {@link #AUTHORED_FOR}.
 * Posted to a running service on a later day, their start dates would have passed and every good sample would wait
 * for approval. This moves a sample's {@code startDate} and {@code endDate} forward by whole weeks (weekdays kept) so
 * that it stands to today as it stood to the day it was written for.
 */
public final class SampleDates {

    /** The day the samples' dates were chosen for. */
    public static final LocalDate AUTHORED_FOR = LocalDate.of(2026, 11, 25);

    private SampleDates() {
    }

    public static ObjectNode shiftedToToday(ObjectNode sample) {
        return shifted(sample, LocalDate.now(Clock.systemUTC()));
    }

    public static ObjectNode shifted(ObjectNode sample, LocalDate today) {
        long days = ChronoUnit.DAYS.between(AUTHORED_FOR, today);
        long shift = days <= 0 ? 0 : Math.ceilDiv(days, 7) * 7;
        for (String field : new String[] {"startDate", "endDate"}) {
            if (sample.hasNonNull(field)) {
                sample.put(field, LocalDate.parse(sample.get(field).asText()).plusDays(shift).toString());
            }
        }
        return sample;
    }
}
