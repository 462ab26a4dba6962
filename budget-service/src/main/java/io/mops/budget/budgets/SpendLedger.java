package io.mops.budget.budgets;

import io.mops.budget.money.Money;
import io.mops.budget.pacing.BatchedSpend;
import io.mops.budget.pacing.Pacing;
import io.mops.budget.pacing.PacingCurve;
import io.mops.budget.pacing.PacingState;
import io.mops.budget.plan.BudgetPeriod;
import io.mops.budget.plan.BudgetRuleViolation;
import io.mops.common.events.BudgetExhausted;
import io.mops.common.events.BudgetPacingAlert;
import io.mops.common.events.CampaignSpendReported;
import io.mops.common.events.EventCodec;
import io.mops.common.events.ReceivedEvent;
import io.mops.common.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Records a whole poll of reported spend in one transaction, each report at most once: the affected campaigns
 * and their plans are read in one statement, the reports new to this consumer are claimed in the inbox
 * ({@code processed_event}) with one insert that skips the ids already there, the spend rows are written with one
 * array insert and the campaigns with one versioned update, and the hard cap and pacing are judged once per
 * campaign ({@link BatchedSpend}). The events they cause go through the outbox in the same transaction.
 * <p>
 * Plain SQL with array parameters rather than entities: at ten thousand reports a second the per-entity round
 * trips of Hibernate are what limits ingestion.
 * <p>
 * The poll's campaigns are locked as they are read (in id order, so that two consumers never wait on each other in
 * a circle), so spend sent by REST at the same moment cannot slip in between: its versioned update waits, then
 * finds the version moved and is answered 409, and its client sends it again. Neither spend is lost, and a poll —
 * which no client would send again — is not the one that loses. The update still checks every version, as a last
 * line: a mismatch fails the transaction with an {@link OptimisticLockException}, and the listener applies the whole
 * poll again.
 */
@ApplicationScoped
public class SpendLedger {

    /** A report as it arrived, with the message it came in (kept for the dead-letter topic). */
    public record Reported<R>(R record, ReceivedEvent<CampaignSpendReported> event) {
    }

    /** A report that can never apply, and why. */
    public record Refused<R>(R record, String reason) {
    }

    private final Pool pool;
    private final EventCodec codec;
    private final Outbox outbox;

    public SpendLedger(Pool pool, EventCodec codec, Outbox outbox) {
        this.pool = pool;
        this.codec = codec;
        this.outbox = outbox;
    }

    /**
     * @return the reports that can never apply (unknown campaign, a currency or day the plan refuses), each with
     * its reason; nothing of them was recorded
     */
    public <R> Uni<List<Refused<R>>> recordOnce(String consumer, List<Reported<R>> reports) {
        Map<UUID, Reported<R>> distinct = new LinkedHashMap<>();
        for (Reported<R> report : reports) {
            distinct.putIfAbsent(report.event().id(), report);
        }
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        UUID[] campaignIds = distinct.values().stream().map(r -> r.event().data().campaignId()).distinct()
                .toArray(UUID[]::new);
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        select c.id, c.plan_id, c.channel, c.name, c.amount, c.spent, c.pacing_state, c.version,
                               p.currency, p.period_start, p.period_end, p.pacing_curve, p.pacing_tolerance
                        from campaign_budget c join budget_plan p on p.id = c.plan_id
                        where c.id = any($1)
                        order by c.id
                        for update of c""")
                .execute(Tuple.tuple().addArrayOfUUID(campaignIds))
                .flatMap(rows -> {
                    Map<UUID, CampaignAccount> accounts = new HashMap<>();
                    for (Row row : rows) {
                        CampaignAccount account = CampaignAccount.of(row);
                        accounts.put(account.id, account);
                    }
                    List<Refused<R>> refused = new ArrayList<>();
                    List<Applicable> applicable = new ArrayList<>();
                    for (Reported<R> report : distinct.values()) {
                        CampaignSpendReported spend = report.event().data();
                        CampaignAccount account = accounts.get(spend.campaignId());
                        if (account == null) {
                            refused.add(new Refused<>(report.record(), "no campaign " + spend.campaignId()));
                            continue;
                        }
                        try {
                            Money amount = CampaignService.acceptedSpend(account.currency, account.period,
                                    new SpendReport(spend.day(), spend.amount(), spend.currency()));
                            applicable.add(new Applicable(report.event(), account,
                                    new BatchedSpend.Report(spend.day(), amount)));
                        } catch (BudgetRuleViolation e) {
                            refused.add(new Refused<>(report.record(), e.getMessage()));
                        }
                    }
                    return applicable.isEmpty()
                            ? Uni.createFrom().item(refused)
                            : claim(connection, consumer, applicable)
                                    .flatMap(fresh -> fresh.isEmpty() ? Uni.createFrom().voidItem()
                                            : apply(connection, fresh))
                                    .replaceWith(refused);
                }));
    }

    /** The reports this consumer has not applied before; a concurrent consumer's claim waits for its commit. */
    private static Uni<List<Applicable>> claim(SqlConnection connection, String consumer, List<Applicable> reports) {
        UUID[] ids = reports.stream().map(r -> r.event.id()).toArray(UUID[]::new);
        return connection.preparedQuery("""
                        insert into processed_event (consumer, event_id, processed_at)
                        select $1, id, $3 from unnest($2::uuid[]) as id
                        on conflict do nothing
                        returning event_id""")
                .execute(Tuple.tuple().addString(consumer).addArrayOfUUID(ids)
                        .addOffsetDateTime(OffsetDateTime.now(ZoneOffset.UTC)))
                .map(claimed -> {
                    Set<UUID> fresh = new HashSet<>();
                    for (Row row : claimed) {
                        fresh.add(row.getUUID(0));
                    }
                    return reports.stream().filter(r -> fresh.contains(r.event.id())).toList();
                });
    }

    private Uni<Void> apply(SqlConnection connection, List<Applicable> fresh) {
        Map<CampaignAccount, List<Applicable>> byCampaign = new LinkedHashMap<>();
        for (Applicable report : fresh) {
            byCampaign.computeIfAbsent(report.account, a -> new ArrayList<>()).add(report);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        SpendRows spendRows = new SpendRows(fresh.size(), now);
        CampaignRows campaignRows = new CampaignRows(byCampaign.size());
        List<Outbox.Entry> events = new ArrayList<>();
        byCampaign.forEach((account, reports) -> {
            BatchedSpend.Outcome outcome = BatchedSpend.apply(account.budget(),
                    account.money(account.spent), reports.stream().map(r -> r.report).toList(),
                    new Pacing(account.pacingCurve, account.pacingTolerance), account.period);
            for (int i = 0; i < reports.size(); i++) {
                spendRows.add(account.id, reports.get(i), outcome.overCap().get(i));
            }
            campaignRows.add(account, outcome);
            events.addAll(eventsOf(account, outcome));
        });
        return spendRows.insert(connection)
                .chain(() -> campaignRows.update(connection))
                .chain(() -> events.isEmpty() ? Uni.createFrom().voidItem() : outbox.recordAll(connection, events).replaceWithVoid());
    }

    private List<Outbox.Entry> eventsOf(CampaignAccount account, BatchedSpend.Outcome outcome) {
        List<Outbox.Entry> events = new ArrayList<>(2);
        BigDecimal budget = account.amount;
        BigDecimal spentAfter = outcome.cap().spentAfter().amount();
        outcome.exhaustedOn().ifPresent(day -> {
            BudgetExhausted exhausted = new BudgetExhausted(account.id, account.name, account.channel,
                    account.planId, budget, spentAfter, outcome.cap().overrun().amount(), account.currency, day);
            events.add(Outbox.Entry.of(BudgetExhausted.TYPE,
                    codec.envelope(BudgetExhausted.TYPE, exhausted.subject(), exhausted)));
        });
        PacingState pacing = outcome.pacing().state();
        if (pacing.needsAlert() && pacing != account.pacingState) {
            BudgetPacingAlert alert = new BudgetPacingAlert(account.id, account.channel, account.planId,
                    pacing.name(), account.pacingCurve.name(), budget, spentAfter,
                    outcome.pacing().plannedToDate().amount(), outcome.pacing().projectedSpend().amount(),
                    outcome.pacing().tolerance(), account.currency, outcome.asOf());
            events.add(Outbox.Entry.of(BudgetPacingAlert.TYPE,
                    codec.envelope(BudgetPacingAlert.TYPE, alert.subject(), alert)));
        }
        return events;
    }

    private record Applicable(ReceivedEvent<CampaignSpendReported> event, CampaignAccount account,
                              BatchedSpend.Report report) {
    }

    /** A campaign with its plan's currency, period and pacing, as read at the start of the transaction. */
    private static final class CampaignAccount {
        final UUID id;
        final UUID planId;
        final String channel;
        final String name;
        final BigDecimal amount;
        final BigDecimal spent;
        final PacingState pacingState;
        final long version;
        final String currency;
        final BudgetPeriod period;
        final PacingCurve pacingCurve;
        final BigDecimal pacingTolerance;

        private CampaignAccount(Row row) {
            id = row.getUUID("id");
            planId = row.getUUID("plan_id");
            channel = row.getString("channel");
            name = row.getString("name");
            amount = row.getBigDecimal("amount");
            spent = row.getBigDecimal("spent");
            pacingState = PacingState.valueOf(row.getString("pacing_state"));
            version = row.getLong("version");
            currency = row.getString("currency");
            period = new BudgetPeriod(row.getLocalDate("period_start"), row.getLocalDate("period_end"));
            pacingCurve = PacingCurve.valueOf(row.getString("pacing_curve"));
            pacingTolerance = row.getBigDecimal("pacing_tolerance");
        }

        static CampaignAccount of(Row row) {
            return new CampaignAccount(row);
        }

        Money money(BigDecimal value) {
            return Money.of(value, Money.currency(currency));
        }

        Money budget() {
            return money(amount);
        }
    }

    /** The spend rows of one batch, written with one array insert. */
    private static final class SpendRows {
        private final UUID[] ids;
        private final UUID[] campaigns;
        private final LocalDate[] days;
        private final Numeric[] amounts;
        private final Boolean[] overCap;
        private final String[] recordedBy;
        private final OffsetDateTime recordedAt;
        private int size;

        SpendRows(int capacity, OffsetDateTime recordedAt) {
            ids = new UUID[capacity];
            campaigns = new UUID[capacity];
            days = new LocalDate[capacity];
            amounts = new Numeric[capacity];
            overCap = new Boolean[capacity];
            recordedBy = new String[capacity];
            this.recordedAt = recordedAt;
        }

        void add(UUID campaign, Applicable report, boolean over) {
            ids[size] = UUID.randomUUID();
            campaigns[size] = campaign;
            days[size] = report.report.day();
            amounts[size] = Numeric.create(report.event.data().amount());
            overCap[size] = over;
            recordedBy[size] = "integration:" + report.event.envelope().source();
            size++;
        }

        Uni<Void> insert(SqlConnection connection) {
            return connection.preparedQuery("""
                            insert into spend_entry (id, campaign_id, day, amount, over_cap, recorded_by, recorded_at)
                            select *, $7 from unnest($1::uuid[], $2::uuid[], $3::date[], $4::numeric[], $5::boolean[],
                                                     $6::varchar[])""")
                    .execute(Tuple.tuple().addArrayOfUUID(ids).addArrayOfUUID(campaigns).addArrayOfLocalDate(days)
                            .addValue(amounts).addArrayOfBoolean(overCap).addArrayOfString(recordedBy)
                            .addOffsetDateTime(recordedAt))
                    .replaceWithVoid();
        }
    }

    /** The campaigns' new spend, status and pacing, written with one update that checks every version. */
    private static final class CampaignRows {
        private final UUID[] ids;
        private final Numeric[] spent;
        private final Boolean[] stop;
        private final String[] pacing;
        private final Long[] versions;
        private int size;

        CampaignRows(int capacity) {
            ids = new UUID[capacity];
            spent = new Numeric[capacity];
            stop = new Boolean[capacity];
            pacing = new String[capacity];
            versions = new Long[capacity];
        }

        void add(CampaignAccount account, BatchedSpend.Outcome outcome) {
            ids[size] = account.id;
            spent[size] = Numeric.create(outcome.cap().spentAfter().amount());
            stop[size] = outcome.cap().exhausted();
            pacing[size] = outcome.pacing().state().name();
            versions[size] = account.version;
            size++;
        }

        Uni<Void> update(SqlConnection connection) {
            return connection.preparedQuery("""
                            update campaign_budget c
                            set spent = v.spent,
                                status = case when v.stop then 'STOPPED' else c.status end,
                                pacing_state = v.pacing,
                                version = c.version + 1
                            from unnest($1::uuid[], $2::numeric[], $3::boolean[], $4::varchar[], $5::bigint[])
                                 as v(id, spent, stop, pacing, version)
                            where c.id = v.id and c.version = v.version""")
                    .execute(Tuple.tuple().addArrayOfUUID(ids).addValue(spent).addArrayOfBoolean(stop)
                            .addArrayOfString(pacing).addArrayOfLong(versions))
                    .invoke(updated -> {
                        if (updated.rowCount() != size) {
                            throw new OptimisticLockException((size - updated.rowCount()) + " of " + size
                                    + " campaigns received other spend at the same time");
                        }
                    })
                    .replaceWithVoid();
        }
    }
}
