package io.mops.attribution.credit;

import io.mops.attribution.journey.JourneyBuilder;
import io.mops.attribution.journey.JourneyStream;
import io.mops.attribution.journey.JourneyWindow;
import io.mops.attribution.journey.ObservedConversion;
import io.mops.attribution.journey.ObservedTouchpoint;
import io.mops.attribution.model.Attribution;
import io.mops.attribution.model.AttributionInputException;
import io.mops.attribution.model.AttributionModel;
import io.mops.attribution.model.Journey;
import io.mops.attribution.model.JourneyFold;
import io.mops.common.problem.InvalidRequestException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Credits the stored journeys whose conversions fall in a window of days (UTC, both ends included), without holding
 * the window's touchpoints: they are read through a database cursor ordered by customer (after identity stitching)
 * and time, each customer's journeys are built as soon as the customer is complete ({@link JourneyStream}) and
 * folded into every requested model at once ({@link JourneyFold}). Memory grows with the window's conversions
 * (held by customer) and with distinct paths, channels and campaigns, not with touchpoints.
 */
@ApplicationScoped
public class WindowCreditService {

    static final int MAX_WINDOW_DAYS = 366;
    /** Touchpoints fetched from the cursor at a time. */
    private static final int FETCH = 2_000;

    /** $1 earliest touchpoint, $2 end of the window, $3 currency. */
    private static final String CONVERSIONS = """
            select user_id, anonymous_id, occurred_at, value from conversion
            where occurred_at >= $1 and occurred_at < $2 and currency = $3""";

    /**
     * The window's touchpoints with their customer: the user, or for an anonymous touchpoint the user its anonymous
     * id was linked to — by the earliest conversion carrying both ids, else by the earliest such touchpoint — or
     * else the anonymous id itself. Ordered by customer in byte order (collation "C", as Java orders the strings),
     * then time.
     */
    private static final String TOUCHPOINTS = """
            with link as (
                select distinct on (anonymous_id) anonymous_id, user_id
                from (select anonymous_id, user_id, 0 as source, occurred_at from conversion
                      where anonymous_id is not null and occurred_at >= $1 and occurred_at < $2 and currency = $3
                      union all
                      select anonymous_id, user_id, 1, occurred_at from touchpoint
                      where anonymous_id is not null and user_id is not null and occurred_at >= $1
                        and occurred_at < $2) as seen
                order by anonymous_id, source, occurred_at)
            select coalesce(t.user_id, link.user_id, 'anonymous:' || t.anonymous_id) collate "C" as customer,
                   t.occurred_at, t.channel, t.campaign
            from touchpoint t
                     left join link on t.user_id is null and link.anonymous_id = t.anonymous_id
            where t.occurred_at >= $1 and t.occurred_at < $2
            order by customer, t.occurred_at, t.event_id""";

    /** $1 first day, $2 last day, $3 currency. */
    private static final String SPEND = """
            select channel, sum(amount) from channel_spend
            where day >= $1 and day <= $2 and currency = $3
            group by channel""";

    private final Pool pool;

    public WindowCreditService(Pool pool) {
        this.pool = pool;
    }

    public Uni<WindowCredit> credit(LocalDate from, LocalDate to, int lookbackDays, String currency,
                                    List<AttributionModel> models) {
        if (to.isBefore(from)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        if (from.plusDays(MAX_WINDOW_DAYS).isBefore(to.plusDays(1))) {
            throw new InvalidRequestException("to", "a window covers at most " + MAX_WINDOW_DAYS + " days");
        }
        return credit(from.atStartOfDay(ZoneOffset.UTC).toInstant(), to.plusDays(1).atStartOfDay(ZoneOffset.UTC)
                .toInstant(), from, to, lookbackDays, currency, models);
    }

    /**
     * Credits the conversions of {@code [conversionsFrom, conversionsUntil)} — instants, so that the days of any time
     * zone can be credited exactly — and reads the spend reported for the days {@code from} to {@code to}
     * (inclusive), which are the same days on the calendar the instants were taken from.
     */
    public Uni<WindowCredit> credit(Instant conversionsFrom, Instant conversionsUntil, LocalDate from, LocalDate to,
                                    int lookbackDays, String currency, List<AttributionModel> models) {
        JourneyWindow window = new JourneyWindow(conversionsFrom, conversionsUntil, Duration.ofDays(lookbackDays));
        // Reading the cursor is awaited and folding journeys is CPU work: both on a worker thread.
        return Uni.createFrom().item(() -> credit(from, to, lookbackDays, currency, models, window))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private WindowCredit credit(LocalDate from, LocalDate to, int lookbackDays, String currency,
                                List<AttributionModel> models, JourneyWindow window) {
        JourneyFold fold = new JourneyFold(currency, models);
        JourneysIntoFold journeys = new JourneysIntoFold(fold);
        Map<String, BigDecimal> spend = new TreeMap<>();
        Tuple range = Tuple.of(utc(window.earliestTouchpoint()), utc(window.to()), currency);
        SqlConnection connection = pool.getConnection().await().indefinitely();
        try {
            // A cursor lives in a transaction; this one only reads.
            Transaction transaction = connection.begin().await().indefinitely();
            try {
                List<ObservedConversion> conversions = new ArrayList<>();
                for (Row row : connection.preparedQuery(CONVERSIONS).execute(range).await().indefinitely()) {
                    conversions.add(new ObservedConversion(row.getString(0), row.getString(1),
                            row.getOffsetDateTime(2).toInstant(), row.getBigDecimal(3)));
                }
                JourneyStream stream = new JourneyStream(window, conversions, journeys);
                Iterable<Row> touchpoints = connection.prepare(TOUCHPOINTS).await().indefinitely()
                        .createStream(FETCH, range).toMulti().subscribe().asIterable();
                for (Row row : touchpoints) {
                    stream.touchpoint(row.getString(0), new ObservedTouchpoint(row.getString(0), null,
                            row.getOffsetDateTime(1).toInstant(), row.getString(2), row.getString(3)));
                }
                stream.finish();
                for (Row row : connection.preparedQuery(SPEND).execute(Tuple.of(from, to, currency))
                        .await().indefinitely()) {
                    spend.put(row.getString(0), row.getBigDecimal(1));
                }
            } finally {
                transaction.commit().await().indefinitely();
            }
        } finally {
            connection.close().await().indefinitely();
        }
        List<Attribution> attributions;
        try {
            attributions = fold.attributions();
        } catch (AttributionInputException e) {
            throw new InvalidRequestException("model", e.getMessage());
        }
        return WindowCredit.of(from, to, lookbackDays, fold.journeys(), fold.paths(), journeys.unattributed,
                journeys.unattributedValue, attributions, spend);
    }

    /** Hands every journey to the fold and counts the conversions no touchpoint led to. */
    private static final class JourneysIntoFold implements JourneyBuilder.JourneySink {

        private final JourneyFold fold;
        private long unattributed;
        private BigDecimal unattributedValue = BigDecimal.ZERO;

        JourneysIntoFold(JourneyFold fold) {
            this.fold = fold;
        }

        @Override
        public void journey(Journey journey) {
            fold.add(journey);
        }

        @Override
        public void unattributed(BigDecimal conversionValue) {
            unattributed++;
            unattributedValue = unattributedValue.add(conversionValue);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
