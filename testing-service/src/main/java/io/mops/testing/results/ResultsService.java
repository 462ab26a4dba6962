package io.mops.testing.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.testing.allocation.AllocationPeriod;
import io.mops.testing.allocation.PeriodTally;
import io.mops.testing.allocation.VariantTally;
import io.mops.testing.assignment.AssignerCache;
import io.mops.testing.experiment.Experiment;
import io.mops.testing.experiment.ExperimentVariant;
import io.mops.testing.experiment.MetricKind;
import io.mops.testing.experiment.SequentialPlan;
import io.mops.testing.experiment.TestingConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Aggregates an experiment's exposures per variant and allocation period, runs the analysis on them, and keeps the
 * running minimum of every always-valid p-value it reports. Only units exposed while the experiment ran count: those
 * first exposed after a conclusion belong to the winner's rollout, not to the evidence it was declared on.
 */
@ApplicationScoped
public class ResultsService {

    /**
     * An experiment's variants with their tallies, ready for {@link ExperimentAnalysis}.
     *
     * @param periodVersions the allocation version of each period in the tallies, oldest first
     */
    public record Snapshot(List<ExperimentVariant> variants, List<VariantTally> tallies, int controlIndex,
                           long[] exposuresSinceLastAllocation, double[] intendedShares,
                           List<GuardrailTally> guardrails, int[] periodVersions, SequentialPlan plan,
                           EarlierLooks earlierLooks) {

        public ExperimentReadout analyse(MetricKind kind, ExperimentAnalysis analysis) {
            return analysis.analyse(kind, tallies, controlIndex, exposuresSinceLastAllocation, intendedShares,
                    guardrails, plan, earlierLooks);
        }

        /** The same data with some variants no longer live (paused by a guardrail before re-weighting). */
        public Snapshot withoutLive(Set<String> paused) {
            List<VariantTally> adjusted = tallies.stream()
                    .map(t -> paused.contains(t.variantKey()) ? t.stopped() : t)
                    .toList();
            return new Snapshot(variants, adjusted, controlIndex, exposuresSinceLastAllocation, intendedShares,
                    guardrails, periodVersions, plan, earlierLooks);
        }
    }

    private static final String TALLIES = "select x.variantKey, x.allocationVersion, count(x), "
            + "sum(case when x.outcomes > 0 then 1 else 0 end), sum(x.valueTotal), sum(x.valueTotal * x.valueTotal) "
            + "from Exposure x where x.experimentId = ?1 and x.afterConclusion = false "
            + "group by x.variantKey, x.allocationVersion";
    private static final String CURRENT_SPLIT = "select x.variantKey, count(x) from Exposure x "
            + "where x.experimentId = ?1 and x.allocationVersion = ?2 and x.afterConclusion = false "
            + "group by x.variantKey";
    /** A guardrail event belongs to the period of its unit's exposure. */
    private static final String GUARDRAILS = "select g.metric, g.variantKey, x.allocationVersion, count(g) "
            + "from GuardrailEvent g, Exposure x where g.experimentId = ?1 and x.experimentId = ?1 "
            + "and x.unitId = g.unitId and x.afterConclusion = false "
            + "group by g.metric, g.variantKey, x.allocationVersion";
    private static final String ROLLOUT = "select count(x), "
            + "sum(case when x.variantKey = ?2 then 1 else 0 end), "
            + "sum(case when x.variantKey = ?2 and x.outcomes > 0 then 1 else 0 end) "
            + "from Exposure x where x.experimentId = ?1 and x.afterConclusion = true";
    private static final String EARLIER_LOOKS = "select metric, variant_key, p_value from always_valid_p_value "
            + "where experiment_id = ?1";

    /** Units first exposed per variant and period while the experiment ran, as the tallies count them. */
    private static final String TRAFFIC = "select x.variantKey, x.allocationVersion, count(x) from Exposure x "
            + "where x.experimentId = ?1 and x.afterConclusion = false group by x.variantKey, x.allocationVersion";

    private final TestingConfig config;
    private final ObjectMapper json;

    public ResultsService(TestingConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    /** The analysis with the configured thresholds ({@code mops.testing.*}). */
    public ExperimentAnalysis analysis() {
        return new ExperimentAnalysis(config.confidenceLevel(), config.policy(),
                new GuardrailCheck(config.guardrail().threshold()), config.sequentialDefaults());
    }

    /** The readout as served, with the periods; records this look's always-valid p-values. In a transaction. */
    public Uni<ResultsView> read(Experiment experiment) {
        return snapshot(experiment).chain(snapshot -> {
            ExperimentReadout readout = snapshot.analyse(experiment.metricKind, analysis());
            return recordLook(experiment, readout)
                    .chain(() -> AllocationPeriod.of(experiment.id))
                    .chain(periods -> rollout(experiment).map(rollout -> new ResultsView(experiment.key,
                            experiment.status, experiment.metric, experiment.allocationVersion, experiment.winner,
                            periodsOf(snapshot, readout, periods), readout, rollout)));
        });
    }

    /** The split of every allocation period and the units each variant received in it. Needs a session. */
    public Uni<TrafficHistory> trafficHistory(Experiment experiment) {
        return ExperimentVariant.of(experiment.id).chain(variants -> AllocationPeriod.of(experiment.id)
                .chain(periods -> Panache.getSession().chain(session -> session
                                .createSelectionQuery(TRAFFIC, Object[].class).setParameter(1, experiment.id)
                                .getResultList())
                        .map(rows -> TrafficHistory.of(experiment.key, variants.stream().map(v -> v.key).toList(),
                                periods.stream().map(this::splitOf).toList(),
                                rows.stream().map(row -> new TrafficHistory.Count((String) row[0],
                                        ((Number) row[1]).intValue(), ((Number) row[2]).longValue())).toList()))));
    }

    private TrafficHistory.Split splitOf(AllocationPeriod period) {
        try {
            Map<String, Double> shares = json.readValue(period.shares, new TypeReference<LinkedHashMap<String, Double>>() {
            });
            return new TrafficHistory.Split(period.allocationVersion, period.startedAt, period.startedBy, shares);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("allocation period " + period.id + " has unreadable shares", e);
        }
    }

    private static Uni<ResultsView.Rollout> rollout(Experiment experiment) {
        if (!experiment.rollsOutWinner()) {
            return Uni.createFrom().nullItem();
        }
        return Panache.getSession().chain(session -> session.createSelectionQuery(ROLLOUT, Object[].class)
                .setParameter(1, experiment.id).setParameter(2, experiment.winner).getSingleResult()
                .map(row -> new ResultsView.Rollout(count(row[0]), count(row[1]), count(row[2]))));
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    public Uni<Snapshot> snapshot(Experiment experiment) {
        return ExperimentVariant.of(experiment.id).chain(variants -> Panache.getSession().chain(session -> session
                .createSelectionQuery(TALLIES, Object[].class).setParameter(1, experiment.id).getResultList()
                .chain(tallyRows -> session.createSelectionQuery(CURRENT_SPLIT, Object[].class)
                        .setParameter(1, experiment.id).setParameter(2, experiment.allocationVersion).getResultList()
                        .chain(currentRows -> session.createSelectionQuery(GUARDRAILS, Object[].class)
                                .setParameter(1, experiment.id).getResultList()
                                .chain(guardrailRows -> session.createNativeQuery(EARLIER_LOOKS, Object[].class)
                                        .setParameter(1, experiment.id).getResultList()
                                        .map(lookRows -> snapshotOf(experiment, variants, tallyRows, currentRows,
                                                guardrailRows, lookRows)))))));
    }

    /**
     * Stores this look's always-valid p-values where they are below every earlier one; the upsert keeps the
     * smaller value, so concurrent reads never raise a stored minimum. Call inside a transaction.
     */
    public Uni<Void> recordLook(Experiment experiment, ExperimentReadout readout) {
        List<Object[]> rows = new ArrayList<>();
        for (VariantReadout variant : readout.variants()) {
            if (variant.alwaysValidPValue() != null) {
                rows.add(new Object[] {experiment.metric, variant.variantKey(), variant.alwaysValidPValue()});
            }
        }
        for (GuardrailReadout guardrail : readout.guardrails()) {
            if (guardrail.alwaysValidPValue() < 1.0) {
                rows.add(new Object[] {guardrail.metric(), guardrail.variantKey(), guardrail.alwaysValidPValue()});
            }
        }
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StringBuilder sql = new StringBuilder("insert into always_valid_p_value "
                + "(id, experiment_id, metric, variant_key, p_value, updated_at) values ");
        for (int r = 0; r < rows.size(); r++) {
            int base = 2 + 3 * r;
            sql.append(r == 0 ? "" : ", ").append("(gen_random_uuid(), ?1, ?").append(base).append(", ?")
                    .append(base + 1).append(", ?").append(base + 2).append(", now())");
        }
        sql.append(" on conflict (experiment_id, metric, variant_key) do update "
                + "set p_value = excluded.p_value, updated_at = excluded.updated_at "
                + "where excluded.p_value < always_valid_p_value.p_value");
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString()).setParameter(1, experiment.id);
            for (int r = 0; r < rows.size(); r++) {
                int base = 2 + 3 * r;
                query.setParameter(base, rows.get(r)[0]).setParameter(base + 1, rows.get(r)[1])
                        .setParameter(base + 2, rows.get(r)[2]);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    private Snapshot snapshotOf(Experiment experiment, List<ExperimentVariant> variants, List<Object[]> tallyRows,
                                List<Object[]> currentRows, List<Object[]> guardrailRows, List<Object[]> lookRows) {
        TreeSet<Integer> versions = new TreeSet<>();
        tallyRows.forEach(row -> versions.add(((Number) row[1]).intValue()));
        if (versions.isEmpty()) {
            versions.add(experiment.allocationVersion);
        }
        int[] periodVersions = versions.stream().mapToInt(Integer::intValue).toArray();
        Map<Integer, Integer> periodIndex = new HashMap<>();
        for (int p = 0; p < periodVersions.length; p++) {
            periodIndex.put(periodVersions[p], p);
        }
        Map<String, PeriodTally[]> byVariant = new HashMap<>();
        for (Object[] row : tallyRows) {
            PeriodTally[] periods = byVariant.computeIfAbsent((String) row[0], k -> emptyPeriods(periodVersions.length));
            periods[periodIndex.get(((Number) row[1]).intValue())] = new PeriodTally(((Number) row[2]).longValue(),
                    ((Number) row[3]).longValue(), decimal(row[4]), decimal(row[5]));
        }
        Map<String, Long> current = new HashMap<>();
        currentRows.forEach(row -> current.put((String) row[0], ((Number) row[1]).longValue()));

        int size = variants.size();
        List<VariantTally> tallies = new ArrayList<>(size);
        long[] sinceLastAllocation = new long[size];
        int controlIndex = 0;
        Map<String, Integer> variantIndex = new HashMap<>();
        for (int i = 0; i < size; i++) {
            ExperimentVariant variant = variants.get(i);
            variantIndex.put(variant.key, i);
            if (variant.key.equals(experiment.controlVariant)) {
                controlIndex = i;
            }
            PeriodTally[] periods = byVariant.getOrDefault(variant.key, emptyPeriods(periodVersions.length));
            tallies.add(new VariantTally(variant.key, variant.live, List.of(periods)));
            sinceLastAllocation[i] = current.getOrDefault(variant.key, 0L);
        }
        double[] intended = AssignerCache.assignerOf(experiment.seed, variants).effectiveShares();
        List<GuardrailTally> guardrails = new ArrayList<>();
        for (String metric : experiment.guardrailMetrics()) {
            long[][] counts = new long[size][periodVersions.length];
            for (Object[] row : guardrailRows) {
                Integer i = variantIndex.get((String) row[1]);
                Integer p = periodIndex.get(((Number) row[2]).intValue());
                if (metric.equals(row[0]) && i != null && p != null) {
                    counts[i][p] = ((Number) row[3]).longValue();
                }
            }
            guardrails.add(new GuardrailTally(metric, counts));
        }
        Map<String, Double> primary = new HashMap<>();
        Map<String, Double> guardrailLooks = new HashMap<>();
        for (Object[] row : lookRows) {
            String metric = (String) row[0];
            double pValue = ((Number) row[2]).doubleValue();
            if (metric.equals(experiment.metric)) {
                primary.put((String) row[1], pValue);
            } else {
                guardrailLooks.put(GuardrailCheck.comparisonKey(metric, (String) row[1]), pValue);
            }
        }
        return new Snapshot(variants, tallies, controlIndex, sinceLastAllocation, intended, guardrails,
                periodVersions, experiment.sequentialPlan(config.sequentialDefaults()),
                new EarlierLooks(primary, guardrailLooks));
    }

    private static List<ResultsView.Period> periodsOf(Snapshot snapshot, ExperimentReadout readout,
                                                      List<AllocationPeriod> stored) {
        Map<Integer, AllocationPeriod> byVersion = new HashMap<>();
        stored.forEach(period -> byVersion.put(period.allocationVersion, period));
        List<ResultsView.Period> periods = new ArrayList<>();
        for (int p = 0; p < snapshot.periodVersions().length; p++) {
            int version = snapshot.periodVersions()[p];
            long exposures = 0;
            for (VariantTally tally : snapshot.tallies()) {
                exposures += tally.periods().get(p).exposures();
            }
            AllocationPeriod period = byVersion.get(version);
            periods.add(new ResultsView.Period(version, period == null ? null : period.startedAt, exposures,
                    readout.periodWeights().get(p)));
        }
        return periods;
    }

    private static PeriodTally[] emptyPeriods(int count) {
        PeriodTally[] periods = new PeriodTally[count];
        java.util.Arrays.fill(periods, PeriodTally.EMPTY);
        return periods;
    }

    private static double decimal(Object value) {
        return value == null ? 0.0 : ((BigDecimal) value).doubleValue();
    }
}
