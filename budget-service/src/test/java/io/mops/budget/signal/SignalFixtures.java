package io.mops.budget.signal;

import io.mops.budget.curve.ResponseCurve;
import io.mops.testsupport.TestDatabase;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;

/** Channel performance for tests: version 2 events as attribution-service writes them, and stored weekly history. */
public final class SignalFixtures {

    /** The Monday the stored histories start on. */
    public static final LocalDate HISTORY_START = LocalDate.parse("2025-01-06");

    private SignalFixtures() {
    }

    /** A channel key no other test and no earlier run uses. */
    public static String uniqueChannel(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A ChannelPerformanceUpdated (version 2) envelope for one period. */
    public static String event(UUID id, Instant time, String channel, String model, String kind, LocalDate start,
                               int revision, String value, String spend) {
        return event(id, time, channel, model, kind, start, revision, "3", value, spend);
    }

    /** The same with the conversions credited to the channel in the period. */
    public static String event(UUID id, Instant time, String channel, String model, String kind, LocalDate start,
                               int revision, String conversions, String value, String spend) {
        LocalDate end = kind.equals("WEEK") ? start.plusDays(6) : start;
        return """
                {"id":"%s","type":"ChannelPerformanceUpdated","version":2,"source":"attribution-service",
                 "time":"%s","subject":"channel:%s",
                 "data":{"channel":"%s","model":"%s","periodKind":"%s","periodStart":"%s","periodEnd":"%s",
                         "zone":"UTC","revision":%d,"creditedConversions":%s,"creditedValue":%s,"spend":%s,
                         "currency":"EUR","roas":null}}
                """.formatted(id, time, channel, channel, model, kind, start, end, revision, conversions, value,
                spend);
    }

    /**
     * Stores {@code weeks} weeks of markov-1 signals from {@link #HISTORY_START}: weekly spend drawn evenly between
     * 280 and 1,120 (seeded), the value {@code truth} predicts for that sequence of spend. Written straight into the
     * table, as the listener would have, to set up a plan's evidence quickly.
     */
    public static void weeklyHistory(TestDatabase db, String channel, ResponseCurve truth, long seed, String currency,
                                     int weeks) {
        Random random = new Random(seed);
        double[] spend = new double[weeks];
        for (int t = 0; t < weeks; t++) {
            spend[t] = 280 + 840 * random.nextDouble();
        }
        weeklySignals(db, channel, currency, spend, truth.predict(spend));
    }

    /** Stores markov-1 signals of consecutive weeks from {@link #HISTORY_START} with the given spend and value. */
    public static void weeklySignals(TestDatabase db, String channel, String currency, double[] spend, double[] value) {
        LocalDate monday = HISTORY_START;
        for (int t = 0; t < spend.length; t++, monday = monday.plusWeeks(1)) {
            db.update("insert into channel_signal (channel, model, currency, period_kind, period_start, period_end, "
                            + "zone, revision, credited_conversions, credited_value, spend, roas, event_id, "
                            + "observed_at, received_at) "
                            + "values (?, 'markov-1', ?, 'WEEK', ?, ?, 'UTC', 1, 1, ?, ?, null, ?, ?, ?)",
                    channel, currency, Date.valueOf(monday), Date.valueOf(monday.plusDays(6)),
                    BigDecimal.valueOf(value[t]).setScale(4, RoundingMode.HALF_EVEN),
                    BigDecimal.valueOf(spend[t]).setScale(4, RoundingMode.HALF_EVEN), UUID.randomUUID(),
                    Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        }
    }
}
