package io.mops.attribution.ingest;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Stores a batch of ingested events — touchpoints, conversions, spend — at most once per event id, with one SQL
 * statement (so in one transaction): an insert of every column as one array parameter, {@code unnest}ed, that skips
 * the event ids already in the table.
 * <p>
 * The event's own table, keyed by event id and never purged, is the record of what was applied; the platform inbox
 * {@code processed_event} would only repeat it (and forgets after its retention), and writing its index as well
 * halved the ingest rate. An event already stored under the same id — a redelivery, or imported over REST before
 * Kafka delivered it — stays as it is. Plain SQL rather than entities: at tens of thousands of touchpoints a second
 * the per-entity work of Hibernate, and every extra round trip, is what limits ingest.
 */
@ApplicationScoped
public class IngestInbox {

    static final Table TOUCHPOINT = new Table("touchpoint", List.of(
            new Column<StoredTouchpoint>("user_id", "varchar", t -> t.userId),
            new Column<StoredTouchpoint>("anonymous_id", "varchar", t -> t.anonymousId),
            new Column<StoredTouchpoint>("occurred_at", "timestamptz", t -> utc(t.occurredAt)),
            new Column<StoredTouchpoint>("channel", "varchar", t -> t.channel),
            new Column<StoredTouchpoint>("campaign", "varchar", t -> t.campaign),
            new Column<StoredTouchpoint>("interaction", "varchar", t -> t.interaction),
            new Column<StoredTouchpoint>("cost", "numeric", t -> numeric(t.cost)),
            new Column<StoredTouchpoint>("currency", "bpchar", t -> t.currency),
            new Column<StoredTouchpoint>("click_id", "varchar", t -> t.clickId)));

    static final Table CONVERSION = new Table("conversion", List.of(
            new Column<StoredConversion>("user_id", "varchar", c -> c.userId),
            new Column<StoredConversion>("anonymous_id", "varchar", c -> c.anonymousId),
            new Column<StoredConversion>("occurred_at", "timestamptz", c -> utc(c.occurredAt)),
            new Column<StoredConversion>("value", "numeric", c -> numeric(c.value)),
            new Column<StoredConversion>("currency", "bpchar", c -> c.currency)));

    static final Table SPEND = new Table("channel_spend", List.of(
            new Column<StoredSpend>("channel", "varchar", s -> s.channel),
            new Column<StoredSpend>("campaign_id", "uuid", s -> s.campaignId),
            new Column<StoredSpend>("day", "date", s -> s.day),
            new Column<StoredSpend>("amount", "numeric", s -> numeric(s.amount)),
            new Column<StoredSpend>("currency", "bpchar", s -> s.currency)));

    private final Pool pool;

    public IngestInbox(Pool pool) {
        this.pool = pool;
    }

    /** @return how many touchpoints are newly stored */
    public Uni<Integer> storeTouchpoints(Collection<StoredTouchpoint> touchpoints) {
        return storeTouchpoints(pool, touchpoints);
    }

    /**
     * @param client where to write: a connection inside a larger transaction (a streamed import)
     * @return how many touchpoints are newly stored
     */
    public Uni<Integer> storeTouchpoints(SqlClient client, Collection<StoredTouchpoint> touchpoints) {
        return storeOnce(client, TOUCHPOINT, touchpoints, t -> t.eventId, t -> t.receivedAt);
    }

    /**
     * Like {@link #storeTouchpoints(Collection)}, and says which: the data-quality count needs the touchpoints whose
     * event id had been stored before.
     *
     * @return the event ids newly stored
     */
    public Uni<java.util.Set<UUID>> storeTouchpointsSayingWhich(Collection<StoredTouchpoint> touchpoints) {
        return storeOnceSayingWhich(pool, TOUCHPOINT, touchpoints, t -> t.eventId, t -> t.receivedAt);
    }

    /** @return how many conversions are newly stored */
    public Uni<Integer> storeConversions(Collection<StoredConversion> conversions) {
        return storeConversions(pool, conversions);
    }

    /** @param client where to write: a connection inside a larger transaction (a streamed import) */
    public Uni<Integer> storeConversions(SqlClient client, Collection<StoredConversion> conversions) {
        return storeOnce(client, CONVERSION, conversions, c -> c.eventId, c -> c.receivedAt);
    }

    /** @return how many spend reports are newly stored */
    public Uni<Integer> storeSpend(Collection<StoredSpend> spend) {
        return storeSpend(pool, spend);
    }

    /** @param client where to write: a connection inside a larger transaction (a streamed import) */
    public Uni<Integer> storeSpend(SqlClient client, Collection<StoredSpend> spend) {
        return storeOnce(client, SPEND, spend, s -> s.eventId, s -> s.receivedAt);
    }

    /**
     * Like {@link #storeSpend(SqlClient, Collection)}, and says which: a cost-report import publishes only the spend
     * it stored first, so that importing a report again publishes nothing.
     *
     * @return the event ids newly stored
     */
    public Uni<java.util.Set<UUID>> storeSpendSayingWhich(SqlClient client, Collection<StoredSpend> spend) {
        return storeOnceSayingWhich(client, SPEND, spend, s -> s.eventId, s -> s.receivedAt);
    }

    private static <T> Uni<java.util.Set<UUID>> storeOnceSayingWhich(SqlClient client, Table table,
                                                                     Collection<T> events, Function<T, UUID> eventId,
                                                                     Function<T, Instant> receivedAt) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(java.util.Set.of());
        }
        return client.preparedQuery(table.storeOnce() + " returning event_id")
                .execute(parameters(table, events, eventId, receivedAt))
                .map(rows -> {
                    java.util.Set<UUID> stored = new java.util.HashSet<>();
                    rows.forEach(row -> stored.add(row.getUUID("event_id")));
                    return stored;
                });
    }

    /**
     * @param events distinct by event id, all received at the same instant (one poll, one clock reading)
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> Uni<Integer> storeOnce(SqlClient client, Table table, Collection<T> events,
                                              Function<T, UUID> eventId, Function<T, Instant> receivedAt) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return client.preparedQuery(table.storeOnce()).execute(parameters(table, events, eventId, receivedAt))
                .map(inserted -> inserted.rowCount());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> Tuple parameters(Table table, Collection<T> events, Function<T, UUID> eventId,
                                        Function<T, Instant> receivedAt) {
        List<T> rows = List.copyOf(events);
        int n = rows.size();
        UUID[] ids = new UUID[n];
        List<Object[]> columns = new ArrayList<>(table.columns().size());
        for (Column column : table.columns()) {
            columns.add(column.emptyArray(n));
        }
        for (int i = 0; i < n; i++) {
            T row = rows.get(i);
            ids[i] = eventId.apply(row);
            for (int c = 0; c < columns.size(); c++) {
                columns.get(c)[i] = ((Column<T>) table.columns().get(c)).value().apply(row);
            }
        }
        Tuple parameters = Tuple.tuple().addOffsetDateTime(utc(receivedAt.apply(rows.getFirst()))).addArrayOfUUID(ids);
        columns.forEach(parameters::addValue);
        return parameters;
    }

    /** A column of an event table (besides {@code event_id} and {@code received_at}) and its value in a row. */
    record Column<T>(String name, String arrayType, Function<T, Object> value) {

        Object[] emptyArray(int length) {
            return switch (arrayType) {
                case "varchar", "bpchar" -> new String[length];
                case "timestamptz" -> new OffsetDateTime[length];
                case "numeric" -> new Numeric[length];
                case "uuid" -> new UUID[length];
                case "date" -> new LocalDate[length];
                default -> throw new IllegalArgumentException("no array for the type " + arrayType);
            };
        }
    }

    /**
     * An event table keyed by {@code event_id}, with a {@code received_at} column. Its statement takes the receiving
     * time ($1), the event ids ($2) and then one array per column.
     */
    record Table(String name, List<? extends Column<?>> columns, String storeOnce) {

        Table(String name, List<? extends Column<?>> columns) {
            this(name, columns, statement(name, columns));
        }

        private static String statement(String name, List<? extends Column<?>> columns) {
            String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
            String arrays = IntStream.range(0, columns.size())
                    .mapToObj(i -> "$" + (i + 3) + "::" + columns.get(i).arrayType() + "[]")
                    .collect(Collectors.joining(", "));
            return """
                    insert into %1$s (event_id, %2$s, received_at)
                    select *, $1::timestamptz from unnest($2::uuid[], %3$s)
                    on conflict (event_id) do nothing""".formatted(name, names, arrays);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Numeric numeric(BigDecimal amount) {
        return amount == null ? null : Numeric.create(amount);
    }
}
