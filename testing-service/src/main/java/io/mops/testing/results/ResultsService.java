package io.mops.testing.results;

import io.mops.testing.assignment.AssignerCache;
import io.mops.testing.experiment.Experiment;
import io.mops.testing.experiment.ExperimentVariant;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Aggregates an experiment's exposures per variant and runs the analysis on them. */
@ApplicationScoped
public class ResultsService {

    /** An experiment's variants with their tallies, ready for {@link ExperimentAnalysis}. */
    public record Snapshot(List<ExperimentVariant> variants, List<VariantTally> tallies, int controlIndex,
                           long[] exposuresSinceLastAllocation, double[] intendedShares,
                           List<GuardrailTally> guardrails) {

        public ExperimentReadout analyse(MetricKind kind, ExperimentAnalysis analysis) {
            return analysis.analyse(kind, tallies, controlIndex, exposuresSinceLastAllocation, intendedShares,
                    guardrails);
        }

        /** The same data with some variants no longer live (paused by a guardrail before re-weighting). */
        public Snapshot withoutLive(java.util.Set<String> paused) {
            List<VariantTally> adjusted = tallies.stream()
                    .map(t -> paused.contains(t.variantKey())
                            ? new VariantTally(t.variantKey(), false, t.exposures(), t.converted(), t.valueSum(),
                            t.valueSumOfSquares())
                            : t)
                    .toList();
            return new Snapshot(variants, adjusted, controlIndex, exposuresSinceLastAllocation, intendedShares,
                    guardrails);
        }
    }

    private static final String TALLIES = "select x.variantKey, count(x), sum(case when x.outcomes > 0 then 1 else 0 end), "
            + "sum(x.valueTotal), sum(x.valueTotal * x.valueTotal) from Exposure x where x.experimentId = ?1 "
            + "group by x.variantKey";
    private static final String CURRENT_SPLIT = "select x.variantKey, count(x) from Exposure x "
            + "where x.experimentId = ?1 and x.allocationVersion = ?2 group by x.variantKey";

    private static final String GUARDRAILS = "select g.metric, g.variantKey, count(g) from GuardrailEvent g "
            + "where g.experimentId = ?1 group by g.metric, g.variantKey";

    public Uni<Snapshot> snapshot(Experiment experiment) {
        return ExperimentVariant.of(experiment.id).chain(variants -> Panache.getSession().chain(session -> session
                .createSelectionQuery(TALLIES, Object[].class).setParameter(1, experiment.id).getResultList()
                .chain(tallyRows -> session.createSelectionQuery(CURRENT_SPLIT, Object[].class)
                        .setParameter(1, experiment.id).setParameter(2, experiment.allocationVersion).getResultList()
                        .chain(currentRows -> session.createSelectionQuery(GUARDRAILS, Object[].class)
                                .setParameter(1, experiment.id).getResultList()
                                .map(guardrailRows -> snapshotOf(experiment, variants, tallyRows, currentRows,
                                        guardrailRows))))));
    }

    private static Snapshot snapshotOf(Experiment experiment, List<ExperimentVariant> variants, List<Object[]> tallyRows,
                                       List<Object[]> currentRows, List<Object[]> guardrailRows) {
        Map<String, Object[]> byVariant = new HashMap<>();
        tallyRows.forEach(row -> byVariant.put((String) row[0], row));
        Map<String, Long> current = new HashMap<>();
        currentRows.forEach(row -> current.put((String) row[0], ((Number) row[1]).longValue()));

        int size = variants.size();
        List<VariantTally> tallies = new java.util.ArrayList<>(size);
        long[] sinceLastAllocation = new long[size];
        int controlIndex = 0;
        for (int i = 0; i < size; i++) {
            ExperimentVariant variant = variants.get(i);
            if (variant.key.equals(experiment.controlVariant)) {
                controlIndex = i;
            }
            Object[] row = byVariant.get(variant.key);
            tallies.add(row == null
                    ? new VariantTally(variant.key, variant.live, 0, 0, 0.0, 0.0)
                    : new VariantTally(variant.key, variant.live, ((Number) row[1]).longValue(),
                    ((Number) row[2]).longValue(), decimal(row[3]), decimal(row[4])));
            sinceLastAllocation[i] = current.getOrDefault(variant.key, 0L);
        }
        double[] intended = AssignerCache.assignerOf(experiment.seed, variants).effectiveShares();
        List<GuardrailTally> guardrails = new java.util.ArrayList<>();
        for (String metric : experiment.guardrailMetrics()) {
            long[] counts = new long[size];
            for (Object[] row : guardrailRows) {
                if (metric.equals(row[0])) {
                    for (int i = 0; i < size; i++) {
                        if (variants.get(i).key.equals(row[1])) {
                            counts[i] = ((Number) row[2]).longValue();
                        }
                    }
                }
            }
            guardrails.add(new GuardrailTally(metric, counts));
        }
        return new Snapshot(variants, tallies, controlIndex, sinceLastAllocation, intended, guardrails);
    }

    private static double decimal(Object value) {
        return value == null ? 0.0 : ((BigDecimal) value).doubleValue();
    }
}
