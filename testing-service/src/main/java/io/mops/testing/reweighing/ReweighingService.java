package io.mops.testing.reweighing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.common.events.AllocationChanged;
import io.mops.common.events.VariantEliminated;
import io.mops.common.events.WinnerDeclared;
import io.mops.common.outbox.Outbox;
import io.mops.common.problem.ConflictProblem;
import io.mops.testing.allocation.AllocationDecision;
import io.mops.testing.allocation.AllocationPeriod;
import io.mops.testing.experiment.Experiment;
import io.mops.testing.experiment.ExperimentService;
import io.mops.testing.experiment.ExperimentVariant;
import io.mops.testing.results.ExperimentReadout;
import io.mops.testing.results.GuardrailReadout;
import io.mops.testing.results.ResultsService;
import io.mops.testing.results.VariantReadout;
import io.mops.testing.statistics.SampleRatioCheck;
import io.mops.testing.trackrecord.TrackRecordService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Applies the bandit's decision to a running experiment: new shares, eliminated variants, and a winner that
 * concludes the experiment. A variant that breached a guardrail is paused first, with the reason recorded. Every
 * change is announced through the outbox in the same transaction. A sample ratio mismatch pauses the whole
 * experiment instead.
 */
@ApplicationScoped
public class ReweighingService {

    private final ResultsService results;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final TrackRecordService trackRecord;
    private final Clock clock;

    public ReweighingService(ResultsService results, Outbox outbox, ObjectMapper json, TrackRecordService trackRecord,
                             Clock clock) {
        this.clock = clock;
        this.trackRecord = trackRecord;
        this.results = results;
        this.outbox = outbox;
        this.json = json;
    }

    /** Call inside a transaction. */
    public Uni<Reweighing> reweigh(Experiment experiment, String by) {
        if (experiment.status != Experiment.Status.RUNNING) {
            throw new ConflictProblem("experiment '" + experiment.key + "' is " + experiment.status
                    + "; traffic is re-weighted only while it runs");
        }
        experiment.lastReweighedAt = Instant.now(clock);
        return results.snapshot(experiment).chain(observed -> {
            ExperimentReadout first = observed.analyse(experiment.metricKind, results.analysis());
            if (first.sampleRatio().mismatch()) {
                // Traffic moved on broken data would compound the damage: stop and let a person look.
                SampleRatioCheck check = first.sampleRatio();
                String reason = check.chiSquare() == null
                        ? "sample ratio mismatch: exposures in a variant meant to receive none; paused until explained"
                        : String.format(Locale.ROOT,
                        "sample ratio mismatch: chi-square %.2f, p = %.2g below %s; paused until explained",
                        check.chiSquare(), check.pValue(), check.threshold());
                return results.recordLook(experiment, first)
                        .chain(() -> ExperimentService.recordTransition(experiment, Experiment.Status.PAUSED, by,
                                reason, Instant.now(clock)))
                        .replaceWith(() -> new Reweighing(false, experiment.allocationVersion,
                                first.recommendation(), reason));
            }
            Map<String, String> guardrailPauses = guardrailPauses(observed, first);
            ResultsService.Snapshot snapshot = guardrailPauses.isEmpty() ? observed
                    : observed.withoutLive(guardrailPauses.keySet());
            ExperimentReadout readout = guardrailPauses.isEmpty() ? first
                    : snapshot.analyse(experiment.metricKind, results.analysis());
            AllocationDecision decision = readout.recommendation();
            if (decision == null) {
                throw new ConflictProblem("experiment '" + experiment.key + "' has too little data to re-weight: "
                        + "a continuous metric needs 2 exposed units per variant");
            }
            if (decision.inBurnIn() && guardrailPauses.isEmpty()) {
                return results.recordLook(experiment, readout).replaceWith(() ->
                        new Reweighing(false, experiment.allocationVersion, decision, null));
            }
            return results.recordLook(experiment, readout)
                    .chain(() -> apply(experiment, snapshot, readout, decision, guardrailPauses, by))
                    .replaceWith(() -> new Reweighing(true, experiment.allocationVersion, decision, null));
        });
    }

    /** Live variants (never the control) that breached a guardrail, with the reason. */
    private static Map<String, String> guardrailPauses(ResultsService.Snapshot snapshot, ExperimentReadout readout) {
        Map<String, String> pauses = new LinkedHashMap<>();
        for (GuardrailReadout guardrail : readout.guardrails()) {
            boolean live = snapshot.tallies().stream()
                    .anyMatch(t -> t.variantKey().equals(guardrail.variantKey()) && t.live());
            if (guardrail.breached() && live && !pauses.containsKey(guardrail.variantKey())) {
                pauses.put(guardrail.variantKey(), String.format(Locale.ROOT,
                        "guardrail %s breached: rate %.4f against the control's %.4f, always-valid p = %.2g",
                        guardrail.metric(), guardrail.rate(), guardrail.controlRate(), guardrail.alwaysValidPValue()));
            }
        }
        return pauses;
    }

    private Uni<Void> apply(Experiment experiment, ResultsService.Snapshot snapshot, ExperimentReadout readout,
                            AllocationDecision decision, Map<String, String> guardrailPauses, String by) {
        Instant now = Instant.now(clock);
        List<ExperimentVariant> variants = snapshot.variants();
        for (ExperimentVariant variant : variants) {
            variant.share = decision.weights().get(variant.key);
            Double chance = decision.eliminated().get(variant.key);
            if (guardrailPauses.containsKey(variant.key)) {
                variant.live = false;
                variant.eliminatedAt = now;
                variant.eliminatedReason = guardrailPauses.get(variant.key);
            } else if (chance != null) {
                variant.live = false;
                variant.eliminatedAt = now;
                variant.eliminatedReason = "eliminated: " + decision.eliminationReasons().get(variant.key);
            }
        }
        experiment.allocationVersion++;
        List<Uni<?>> steps = new ArrayList<>();
        steps.add(AllocationPeriod.of(experiment.id, experiment.allocationVersion, now, by,
                sharesJson(decision.weights())).persist());
        steps.add(outbox.record(AllocationChanged.TYPE, "experiment:" + experiment.key,
                new AllocationChanged(experiment.key, experiment.channel, experiment.allocationVersion,
                        decision.weights())));
        for (ExperimentVariant variant : variants) {
            boolean stopped = decision.eliminated().containsKey(variant.key) || guardrailPauses.containsKey(variant.key);
            if (stopped) {
                double chance = decision.eliminated().getOrDefault(variant.key, chanceToBeBest(readout, variant.key));
                steps.add(outbox.record(VariantEliminated.TYPE, "experiment:" + experiment.key,
                        new VariantEliminated(experiment.key, experiment.channel, variant.key, chance,
                                variant.eliminatedReason)));
            }
        }
        if (decision.winner().isPresent()) {
            String winner = decision.winner().get();
            experiment.winner = winner;
            double chance = decision.chanceToBeBest().get(winner);
            Double uplift = readout.variants().stream().filter(v -> v.variantKey().equals(winner)).findFirst()
                    .map(VariantReadout::bayesian).map(b -> b.uplift() == null ? null : b.uplift().estimate())
                    .orElse(null);
            String reason = String.format(Locale.ROOT, "winner %s: better than every live variant (always-valid "
                            + "p at most %.3g), chance to be best %.4f, expected loss %.6f", winner,
                    decision.leaderEvidence().threshold(), chance, decision.winnerExpectedLoss());
            Instant concludedAt = Instant.now(clock);
            steps.add(ExperimentService.recordTransition(experiment, Experiment.Status.CONCLUDED, by, reason,
                    concludedAt));
            // The forecast is kept in the transaction that concludes, so no declared winner lacks one.
            steps.add(trackRecord.open(experiment, snapshot, readout, winner, concludedAt));
            steps.add(outbox.record(WinnerDeclared.TYPE, "experiment:" + experiment.key,
                    new WinnerDeclared(experiment.key, experiment.channel, winner, experiment.metric, chance,
                            decision.winnerExpectedLoss(), uplift)));
        }
        // One session cannot run statements concurrently: the steps go one after the other.
        return Multi.createFrom().iterable(steps)
                .onItem().transformToUniAndConcatenate(step -> step)
                .collect().asList()
                .chain(() -> ExperimentVariant.persist(variants))
                .chain(experiment::persist)
                .replaceWithVoid();
    }

    private String sharesJson(Map<String, Double> shares) {
        try {
            return json.writeValueAsString(shares);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings to numbers always serialises", e);
        }
    }

    private static double chanceToBeBest(ExperimentReadout readout, String variantKey) {
        return readout.variants().stream().filter(v -> v.variantKey().equals(variantKey) && v.bayesian() != null)
                .mapToDouble(v -> v.bayesian().chanceToBeBest()).findFirst().orElse(0.0);
    }

    /**
     * @param pausedBecause set when the sample ratio check failed: the experiment was paused instead of re-weighted
     */
    public record Reweighing(boolean applied, int allocationVersion, AllocationDecision decision,
                             String pausedBecause) {
    }
}
