package io.mops.attribution.quality;

import io.mops.common.events.AnomalyDetected;
import io.mops.common.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Counts each arrival of touchpoints into its channel's window and, when a window's counts cross a threshold for the
 * first time, records the finding and its {@code AnomalyDetected} in one transaction (the outbox). budget-service,
 * which owns incidents, opens the anomaly and its incident from that event.
 * <p>
 * The counts are added after the touchpoints are stored, in a statement of their own: a crash between the two loses
 * that poll's counts (errs toward fewer alarms), and a redelivered poll is counted again — as duplicates, which it is.
 */
@ApplicationScoped
public class DataQualityGuard {

    /** What {@code AnomalyDetected.action} says for attribution's findings: it contains nothing itself. */
    static final String ACTION = "ALERT_ONLY";

    private final Pool pool;
    private final Outbox outbox;
    private final DataQualityConfig config;
    private final DataQualityRules rules;

    public DataQualityGuard(Pool pool, Outbox outbox, DataQualityConfig config) {
        this.pool = pool;
        this.outbox = outbox;
        this.config = config;
        this.rules = new DataQualityRules(new DataQualityRules.Thresholds(config.duplicates().minEvents(),
                config.duplicates().maxShare(), config.timing().maxAhead(), config.timing().maxBehind(),
                config.timing().maxEvents(), config.taxonomy().campaignPattern().map(Pattern::compile),
                config.taxonomy().maxEvents()));
    }

    /**
     * @param arrived   the touchpoints of one poll, in order, each flagged when its event id had been seen before
     * @param receivedAt the poll's arrival
     * @return the findings recorded now (not those recorded for the same window before)
     */
    public Uni<List<DataQualityRules.Finding>> observe(List<DataQualityRules.Observation> arrived,
                                                       Instant receivedAt) {
        if (!config.enabled() || arrived.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Instant window = DataQualityRules.windowOf(receivedAt, config.window());
        Map<String, DataQualityRules.Counts> counts = rules.count(arrived, receivedAt);
        return Multi.createFrom().iterable(counts.entrySet())
                .onItem().transformToUniAndConcatenate(e -> add(e.getKey(), window, e.getValue())
                        .map(total -> rules.judge(e.getKey(), window, config.window(), total)))
                .collect().asList()
                .chain(judged -> {
                    List<DataQualityRules.Finding> findings = new ArrayList<>();
                    judged.forEach(findings::addAll);
                    return Multi.createFrom().iterable(findings)
                            .onItem().transformToUniAndConcatenate(f -> raise(f, receivedAt))
                            .collect().asList()
                            .map(raised -> raised.stream().flatMap(Optional::stream).toList());
                });
    }

    /** Adds to the channel's window and returns what it holds now. */
    private Uni<DataQualityRules.Counts> add(String channel, Instant window, DataQualityRules.Counts counts) {
        return pool.preparedQuery("""
                        insert into quality_window as w (channel, window_start, events, duplicates, mistimed, off_taxonomy)
                        values ($1, $2, $3, $4, $5, $6)
                        on conflict (channel, window_start) do update set events = w.events + excluded.events,
                            duplicates = w.duplicates + excluded.duplicates, mistimed = w.mistimed + excluded.mistimed,
                            off_taxonomy = w.off_taxonomy + excluded.off_taxonomy
                        returning events, duplicates, mistimed, off_taxonomy""")
                .execute(Tuple.tuple().addString(channel).addOffsetDateTime(window.atOffset(ZoneOffset.UTC))
                        .addLong(counts.events()).addLong(counts.duplicates()).addLong(counts.mistimed())
                        .addLong(counts.offTaxonomy()))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new DataQualityRules.Counts(row.getLong("events"), row.getLong("duplicates"),
                            row.getLong("mistimed"), row.getLong("off_taxonomy"));
                });
    }

    private Uni<Optional<DataQualityRules.Finding>> raise(DataQualityRules.Finding finding, Instant at) {
        return Panache.withTransaction(() -> QualityFinding.count("detector = ?1 and channel = ?2 and windowStart = ?3",
                finding.detector(), finding.channel(), finding.windowStart()).chain(known -> {
            if (known > 0) {
                return Uni.createFrom().item(Optional.<DataQualityRules.Finding>empty());
            }
            QualityFinding row = new QualityFinding();
            row.id = UUID.randomUUID();
            row.detector = finding.detector();
            row.channel = finding.channel();
            row.windowStart = finding.windowStart();
            row.observed = finding.observed();
            row.expected = finding.expected();
            row.statistic = finding.statistic();
            row.evidence = finding.evidence().length() <= 2000 ? finding.evidence()
                    : finding.evidence().substring(0, 2000);
            row.foundAt = at;
            return row.persist()
                    .chain(() -> outbox.record(AnomalyDetected.TYPE, "channel:" + row.channel,
                            new AnomalyDetected(row.id, row.detector, row.channel, at, row.observed, row.expected,
                                    row.statistic, row.evidence, ACTION)))
                    .replaceWith(Optional.of(finding));
        })).onFailure().recoverWithItem(failure -> {
            // Another replica recorded the same window's finding first (the unique key): nothing to add.
            Log.infof("data-quality finding %s on %s not recorded: %s", finding.detector(), finding.channel(),
                    failure.getMessage());
            return Optional.empty();
        });
    }
}
