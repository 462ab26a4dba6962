package io.mops.testing.exposure;

import io.mops.common.problem.ConflictProblem;
import io.mops.common.problem.InvalidRequestException;
import io.mops.testing.experiment.Experiment;
import io.mops.testing.experiment.ExperimentVariant;
import io.mops.testing.experiment.MetricKind;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Records exposures and outcomes. Every bad row refuses the whole request, naming the row: a partly applied batch
 * would be a silent miscount.
 *
 * <p>A concluded experiment with a declared winner keeps collecting: its winner is rolled out to everyone, and a unit
 * first exposed after the conclusion is marked {@code after_conclusion}. Those units are what the winner realised
 * (the track record); the experiment's readout leaves them out, so it stays the evidence the winner was declared on.
 */
@ApplicationScoped
public class ExposureService {

    private final Clock clock;

    public ExposureService(Clock clock) {
        this.clock = clock;
    }

    public Uni<ExposureReport.Recorded> recordExposures(Experiment experiment, ExposureReport report) {
        requireCollecting(experiment);
        return ExperimentVariant.of(experiment.id).chain(variants -> {
            Set<String> known = variants.stream().map(v -> v.key).collect(Collectors.toSet());
            List<ExposureReport.Seen> seen = report.exposures();
            for (int i = 0; i < seen.size(); i++) {
                if (!known.contains(seen.get(i).variant())) {
                    throw new InvalidRequestException("exposures[" + i + "].variant",
                            "experiment '" + experiment.key + "' has no variant '" + seen.get(i).variant() + "'");
                }
            }
            return insertFirstExposures(experiment, seen)
                    .map(inserted -> new ExposureReport.Recorded(inserted, seen.size() - inserted));
        });
    }

    /** One statement for the whole batch; a unit seen before (or twice in the batch) keeps its first variant. */
    private Uni<Integer> insertFirstExposures(Experiment experiment, List<ExposureReport.Seen> seen) {
        StringBuilder sql = new StringBuilder("insert into exposure (id, experiment_id, unit_id, variant_key, "
                + "allocation_version, exposed_at, after_conclusion, outcomes, value_total) values ");
        for (int i = 0; i < seen.size(); i++) {
            int p = i * 3;
            sql.append(i == 0 ? "" : ", ").append("(?").append(p + 1).append(", ?").append(3 * seen.size() + 1)
                    .append(", ?").append(p + 2).append(", ?").append(p + 3).append(", ?").append(3 * seen.size() + 2)
                    .append(", ?").append(3 * seen.size() + 3).append(", ?").append(3 * seen.size() + 4)
                    .append(", 0, 0)");
        }
        sql.append(" on conflict (experiment_id, unit_id) do nothing");
        boolean afterConclusion = experiment.status == Experiment.Status.CONCLUDED;
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString());
            for (int i = 0; i < seen.size(); i++) {
                query.setParameter(i * 3 + 1, UUID.randomUUID());
                query.setParameter(i * 3 + 2, seen.get(i).unitId());
                query.setParameter(i * 3 + 3, seen.get(i).variant());
            }
            query.setParameter(3 * seen.size() + 1, experiment.id);
            query.setParameter(3 * seen.size() + 2, experiment.allocationVersion);
            query.setParameter(3 * seen.size() + 3, Instant.now(clock).atOffset(ZoneOffset.UTC));
            query.setParameter(3 * seen.size() + 4, afterConclusion);
            return query.executeUpdate();
        });
    }

    public Uni<OutcomeReport.Recorded> recordOutcomes(Experiment experiment, OutcomeReport report) {
        requireCollecting(experiment);
        List<OutcomeReport.Outcome> outcomes = report.outcomes();
        Map<String, UnitOutcomes> byUnit = new LinkedHashMap<>();
        Set<GuardrailHit> guardrailHits = new LinkedHashSet<>();
        for (int i = 0; i < outcomes.size(); i++) {
            OutcomeReport.Outcome outcome = outcomes.get(i);
            if (outcome.metric() == null || outcome.metric().equals(experiment.metric)) {
                BigDecimal value = valueOf(experiment.metricKind, outcome, i);
                byUnit.computeIfAbsent(outcome.unitId(), u -> new UnitOutcomes()).add(value);
            } else if (experiment.guardrailMetrics().contains(outcome.metric())) {
                if (outcome.value() != null && outcome.value().compareTo(BigDecimal.ONE) != 0) {
                    throw new InvalidRequestException("outcomes[" + i + "].value",
                            "guardrail '" + outcome.metric() + "' counts events: give no value (or 1)");
                }
                guardrailHits.add(new GuardrailHit(outcome.metric(), outcome.unitId()));
            } else {
                throw new InvalidRequestException("outcomes[" + i + "].metric", "experiment '" + experiment.key
                        + "' measures '" + experiment.metric + "' and guardrails " + experiment.guardrailMetrics()
                        + ", not '" + outcome.metric() + "'");
            }
        }
        List<String> units = outcomes.stream().map(OutcomeReport.Outcome::unitId).distinct().toList();
        return Exposure.<Exposure>list("experimentId = ?1 and unitId in ?2", experiment.id, units)
                .chain(exposed -> {
                    Map<String, String> variantOfUnit = new HashMap<>();
                    exposed.forEach(e -> variantOfUnit.put(e.unitId, e.variantKey));
                    for (int i = 0; i < outcomes.size(); i++) {
                        if (!variantOfUnit.containsKey(outcomes.get(i).unitId())) {
                            throw new InvalidRequestException("outcomes[" + i + "].unitId", "unit '"
                                    + outcomes.get(i).unitId() + "' was never exposed in experiment '"
                                    + experiment.key + "'");
                        }
                    }
                    List<Uni<?>> writes = new ArrayList<>();
                    // Relative updates, so that concurrent reports for the same unit add up instead of overwriting.
                    byUnit.forEach((unit, counted) -> writes.add(Exposure.update(
                            "outcomes = outcomes + ?1, valueTotal = valueTotal + ?2 "
                                    + "where experimentId = ?3 and unitId = ?4",
                            counted.count, counted.total, experiment.id, unit)));
                    for (GuardrailHit hit : guardrailHits) {
                        writes.add(recordGuardrailEvent(experiment, hit, variantOfUnit.get(hit.unitId())));
                    }
                    return Multi.createFrom().iterable(writes)
                            .onItem().transformToUniAndConcatenate(write -> write)
                            .collect().asList()
                            .map(done -> new OutcomeReport.Recorded(outcomes.size()));
                });
    }

    /** A unit counts once per guardrail, however often it is reported. */
    private Uni<Integer> recordGuardrailEvent(Experiment experiment, GuardrailHit hit, String variant) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into guardrail_event (id, experiment_id, metric, unit_id, variant_key, recorded_at) "
                                + "values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (experiment_id, metric, unit_id) do nothing")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, experiment.id)
                .setParameter(3, hit.metric())
                .setParameter(4, hit.unitId())
                .setParameter(5, variant)
                .setParameter(6, Instant.now(clock).atOffset(ZoneOffset.UTC))
                .executeUpdate());
    }

    private record GuardrailHit(String metric, String unitId) {
    }

    private static BigDecimal valueOf(MetricKind kind, OutcomeReport.Outcome outcome, int index) {
        if (kind == MetricKind.BINARY) {
            if (outcome.value() != null && outcome.value().compareTo(BigDecimal.ONE) != 0) {
                throw new InvalidRequestException("outcomes[" + index + "].value",
                        "the metric is BINARY: give no value (or 1) for a conversion");
            }
            return BigDecimal.ZERO;
        }
        if (outcome.value() == null) {
            throw new InvalidRequestException("outcomes[" + index + "].value",
                    "the metric is CONTINUOUS: every outcome needs a value");
        }
        return outcome.value();
    }

    /** Running, paused, or concluded with a winner that is now served to everyone. */
    private static void requireCollecting(Experiment experiment) {
        if (experiment.status.beforeStart()
                || (experiment.status == Experiment.Status.CONCLUDED && !experiment.rollsOutWinner())) {
            throw new ConflictProblem("experiment '" + experiment.key + "' is " + experiment.status
                    + (experiment.status == Experiment.Status.CONCLUDED ? " without a winner" : "")
                    + "; exposures and outcomes are taken while it runs or is paused, or after it concluded with "
                    + "a winner");
        }
    }

    private static final class UnitOutcomes {
        int count;
        BigDecimal total = BigDecimal.ZERO;

        void add(BigDecimal value) {
            count++;
            total = total.add(value);
        }
    }
}
