package io.mops.testing.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.common.clearance.Clearance;
import io.mops.common.problem.ConflictProblem;
import io.mops.common.problem.InvalidRequestException;
import io.mops.common.security.ChannelScope;
import io.mops.testing.allocation.AllocationPeriod;
import io.mops.testing.launch.LaunchGate;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Creating experiments, planning their variants and moving them through their lifecycle. */
@ApplicationScoped
public class ExperimentService {

    public static final int MIN_VARIANTS = 2;
    public static final int MAX_VARIANTS = 500;

    /** GET /experiments/track-record is the track record, so no experiment may take that key. */
    private static final String TRACK_RECORD_PATH = "track-record";

    private static final SecureRandom SEEDS = new SecureRandom();

    private final ObjectMapper json;
    private final TestingConfig config;
    private final Clock clock;
    private final LaunchGate launch;
    private final ExperimentHold hold;

    public ExperimentService(ObjectMapper json, TestingConfig config, Clock clock, LaunchGate launch,
                             ExperimentHold hold) {
        this.clock = clock;
        this.launch = launch;
        this.hold = hold;
        this.json = json;
        this.config = config;
    }

    /** The experiment, if the caller's channel may see it (404 when it does not exist, 403 when not theirs). */
    public static Uni<Experiment> accessible(String key, ChannelScope scope) {
        return Experiment.byKey(key).invoke(e -> scope.requireAccess(e.channel));
    }

    /** As {@link #accessible}, with the row locked for a change ({@link Experiment#byKeyForUpdate}). */
    public static Uni<Experiment> accessibleForUpdate(String key, ChannelScope scope) {
        return Experiment.byKeyForUpdate(key).invoke(e -> scope.requireAccess(e.channel));
    }

    public Uni<Experiment> create(ExperimentDraft draft, String createdBy) {
        if (TRACK_RECORD_PATH.equals(draft.key())) {
            throw new InvalidRequestException("key", "'" + TRACK_RECORD_PATH + "' is the path of the experiments' "
                    + "track record; choose another key");
        }
        return Experiment.keyTaken(draft.key()).flatMap(taken -> {
            if (taken) {
                throw new ConflictProblem("an experiment with key '" + draft.key() + "' already exists");
            }
            Experiment experiment = new Experiment();
            experiment.id = UUID.randomUUID();
            experiment.key = draft.key();
            experiment.name = draft.name();
            experiment.channel = draft.channel();
            experiment.status = Experiment.Status.DRAFT;
            experiment.createdBy = createdBy;
            experiment.createdAt = Instant.now(clock);
            experiment.metric = draft.metricOrDefault();
            experiment.metricKind = draft.metricKindOrDefault();
            experiment.seed = SEEDS.nextInt();
            experiment.guardrails = guardrailsOf(draft);
            experiment.reweighEverySeconds = cadenceOf(draft);
            experiment.baseline = baselineOf(draft);
            experiment.minimumDetectableEffect = draft.minimumDetectableEffect();
            experiment.campaignId = draft.campaignId();
            return experiment.<Experiment>persist();
        });
    }

    private static Long cadenceOf(ExperimentDraft draft) {
        if (draft.reweighEvery() == null) {
            return null;
        }
        if (draft.reweighEvery().getSeconds() < 1) {
            throw new InvalidRequestException("reweighEvery", "must be at least PT1S");
        }
        return draft.reweighEvery().getSeconds();
    }

    private static Double baselineOf(ExperimentDraft draft) {
        if (draft.baseline() != null && draft.metricKindOrDefault() == MetricKind.BINARY && draft.baseline() >= 1.0) {
            throw new InvalidRequestException("baseline", "a conversion rate lies below 1, was " + draft.baseline());
        }
        return draft.baseline();
    }

    private static String guardrailsOf(ExperimentDraft draft) {
        if (draft.guardrails() == null || draft.guardrails().isEmpty()) {
            return null;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < draft.guardrails().size(); i++) {
            String metric = draft.guardrails().get(i);
            if (metric.equals(draft.metricOrDefault()) || !seen.add(metric)) {
                throw new InvalidRequestException("guardrails[" + i + "]",
                        "'" + metric + "' is already the primary metric or another guardrail");
            }
        }
        return String.join(",", draft.guardrails());
    }

    /** Replaces a draft's variants. */
    public Uni<ExperimentDetail> planVariants(Experiment experiment, VariantPlan plan) {
        if (experiment.status != Experiment.Status.DRAFT) {
            throw new ConflictProblem("variants can only be changed while the experiment is a draft; it is "
                    + experiment.status);
        }
        List<ExperimentVariant> variants = variantsFrom(experiment.id, plan);
        String control = plan.control() == null ? variants.getFirst().key : plan.control();
        if (variants.stream().noneMatch(v -> v.key.equals(control))) {
            throw new InvalidRequestException("control", "no variant has the key '" + control + "'");
        }
        experiment.controlVariant = control;
        return ExperimentVariant.delete("experimentId", experiment.id)
                .call(() -> Panache.getSession().flatMap(s -> s.flush()))
                .call(() -> ExperimentVariant.persist(variants))
                .call(experiment::persist)
                .chain(() -> detail(experiment));
    }

    public Uni<ExperimentDetail> changeStatus(Experiment experiment, StatusChange change, String by) {
        Experiment.Status next = change.status();
        if (next == Experiment.Status.AWAITING_CLEARANCE) {
            throw new ConflictProblem("an experiment waits for its campaign's clearance only through POST "
                    + "/experiments/" + experiment.key + "/start, which starts it at once when the campaign is cleared");
        }
        if (!experiment.status.mayBecome(next)) {
            throw new ConflictProblem("an experiment cannot go from " + experiment.status + " to " + next);
        }
        // Starting and resuming alike: a campaign whose clearance was revoked, or a channel the risk guard holds,
        // keeps a paused experiment paused too.
        Uni<Void> gate = next == Experiment.Status.RUNNING
                ? launch.requireCleared(experiment.key, experiment.campaignId).chain(() -> hold.requireFree(experiment))
                : Uni.createFrom().voidItem();
        return gate.chain(() -> next == Experiment.Status.RUNNING ? requireVariants(experiment)
                : Uni.createFrom().voidItem()).chain(() -> {
            if (experiment.status.beforeStart() && next == Experiment.Status.RUNNING) {
                return start(experiment, by).chain(() -> recordTransition(experiment, next, by, change.reason(), Instant.now(clock)));
            }
            return recordTransition(experiment, next, by, change.reason(), Instant.now(clock));
        }).chain(() -> detail(experiment));
    }

    /**
     * Starts a draft now if its campaign is cleared (or it names none), or else lets it wait for the clearance: it
     * becomes {@code AWAITING_CLEARANCE} and starts by itself when qa-service's {@code CampaignCleared} for the
     * campaign arrives ({@link #startAwaiting}). Asking again while it waits changes nothing.
     *
     * @return the experiment, and whether it waits
     */
    public Uni<Started> startOrAwait(Experiment experiment, String reason, String by) {
        if (experiment.status == Experiment.Status.AWAITING_CLEARANCE) {
            return detail(experiment).map(d -> new Started(d, true));
        }
        if (experiment.status != Experiment.Status.DRAFT) {
            throw new ConflictProblem("only a draft can be started; experiment '" + experiment.key + "' is "
                    + experiment.status);
        }
        return requireVariants(experiment)
                .chain(() -> launch.whyNotCleared(experiment.key, experiment.campaignId))
                .chain(why -> {
                    if (why.isEmpty()) {
                        return changeStatus(experiment, new StatusChange(Experiment.Status.RUNNING, reason), by)
                                .map(d -> new Started(d, false));
                    }
                    String waiting = cut("waits for campaign '" + experiment.campaignId + "' to be cleared for "
                            + "launch by qa-service" + (reason == null ? "" : ": " + reason), 400);
                    return recordTransition(experiment, Experiment.Status.AWAITING_CLEARANCE, by, waiting,
                            Instant.now(clock)).chain(() -> detail(experiment)).map(d -> new Started(d, true));
                });
    }

    /** An experiment after {@link #startOrAwait}: {@code awaiting} when it waits for its campaign's clearance. */
    public record Started(ExperimentDetail detail, boolean awaiting) {
    }

    /**
     * qa-service cleared {@code clearance}'s campaign: the experiments waiting for it start, each as a transition by
     * qa-service naming the clearing run (and who approved it). One the risk guard holds stays waiting, and its detail
     * says why. Call it inside the transaction that applies the clearance, which runs once per event: a second
     * clearance finds the experiments running already.
     */
    public Uni<List<String>> startAwaiting(Clearance clearance) {
        String by = cut("qa-service (QA run " + clearance.qaRunId() + ")", 200);
        String reason = cut("campaign '" + clearance.campaignKey() + "' cleared for launch by QA run "
                + clearance.qaRunId() + " (" + clearance.verdict()
                + (clearance.approvedBy() == null ? "" : ", approved by " + clearance.approvedBy()) + ")", 400);
        Instant at = Instant.now(clock);
        return Experiment.awaitingClearanceForUpdate(clearance.campaignKey())
                .chain(waiting -> Multi.createFrom().iterable(waiting)
                        .onItem().transformToUniAndConcatenate(experiment -> hold.requireFree(experiment)
                                .chain(() -> start(experiment, by))
                                .chain(() -> recordTransition(experiment, Experiment.Status.RUNNING, by, reason, at))
                                .map(e -> Optional.of(e.key))
                                .onFailure(ConflictProblem.class).recoverWithItem(held -> {
                                    Log.infof("%s stays awaiting clearance: %s", experiment.key, held.getMessage());
                                    return Optional.<String>empty();
                                }))
                        .collect().asList())
                .map(started -> started.stream().flatMap(Optional::stream).toList())
                .invoke(started -> {
                    if (!started.isEmpty()) {
                        Log.infof("clearance of campaign %s started %s", clearance.campaignKey(), started);
                    }
                });
    }

    /**
     * The risk guard's last hold on {@code channel} was lifted: the channel's experiments that wait while their
     * campaign is cleared — those a clearance found held ({@link #startAwaiting}) — start now, as the lifting person's
     * transition; those whose campaign is not cleared keep waiting for it. Call it inside the transaction that applies
     * the lift, once no other containment holds the channel.
     */
    public Uni<List<String>> startAwaitingOnChannel(String channel, String by, String reason, Instant at) {
        return Experiment.awaitingOnChannelForUpdate(channel)
                .chain(waiting -> Multi.createFrom().iterable(waiting)
                        .onItem().transformToUniAndConcatenate(experiment -> launch.whyNotCleared(experiment.key,
                                experiment.campaignId).chain(why -> why.isPresent()
                                ? Uni.createFrom().item(Optional.<String>empty())
                                : start(experiment, by)
                                .chain(() -> recordTransition(experiment, Experiment.Status.RUNNING, by, reason, at))
                                .map(e -> Optional.of(e.key))))
                        .collect().asList())
                .map(started -> started.stream().flatMap(Optional::stream).toList());
    }

    private static Uni<Void> requireVariants(Experiment experiment) {
        return ExperimentVariant.count("experimentId", experiment.id).invoke(count -> {
            if (count < MIN_VARIANTS) {
                throw new ConflictProblem("an experiment needs at least " + MIN_VARIANTS
                        + " variants before it can run; it has " + count);
            }
        }).replaceWithVoid();
    }

    /** Why a waiting experiment has not started yet; null for one that does not wait. Inside a session. */
    private Uni<String> waitingFor(Experiment experiment) {
        if (experiment.status != Experiment.Status.AWAITING_CLEARANCE) {
            return Uni.createFrom().nullItem();
        }
        return launch.whyNotCleared(experiment.key, experiment.campaignId).chain(why -> why.isPresent()
                ? Uni.createFrom().item(why.get())
                : hold.requireFree(experiment).replaceWith((String) null)
                .onFailure(ConflictProblem.class).recoverWithItem(held -> "its campaign is cleared, but "
                        + held.getMessage() + "; start it with POST /experiments/" + experiment.key
                        + "/status {\"status\":\"RUNNING\"} once the hold is lifted"));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /**
     * Fixes what the always-valid tests mix over, before any data, and opens the first allocation period with the
     * planned shares.
     */
    private Uni<AllocationPeriod> start(Experiment experiment, String by) {
        experiment.fixSequentialPlan(config.sequentialDefaults());
        return ExperimentVariant.of(experiment.id).chain(variants -> {
            Map<String, Double> shares = new LinkedHashMap<>();
            variants.forEach(v -> shares.put(v.key, v.share));
            return AllocationPeriod.of(experiment.id, experiment.allocationVersion, Instant.now(clock), by, write(shares))
                    .persist();
        });
    }

    /** Moves the experiment to {@code next} and records who did it, when and why. Call inside a transaction. */
    public static Uni<Experiment> recordTransition(Experiment experiment, Experiment.Status next, String by, String reason,
                                                   Instant at) {
        ExperimentTransition transition = ExperimentTransition.of(experiment, next, by, reason, at);
        experiment.status = next;
        experiment.statusChangedBy = by;
        experiment.statusChangedAt = transition.changedAt;
        return transition.persist().chain(experiment::<Experiment>persist);
    }

    public Uni<ExperimentDetail> detail(Experiment experiment) {
        return launch.view(experiment.campaignId).flatMap(clearance -> waitingFor(experiment)
                .flatMap(waiting -> ExperimentVariant.of(experiment.id)
                .flatMap(variants -> ExperimentTransition.of(experiment.id)
                .map(history -> new ExperimentDetail(ExperimentView.of(experiment),
                        variants.stream().map(v -> new ExperimentDetail.VariantView(v.key, v.name, componentsOf(v),
                                v.share, v.live, v.key.equals(experiment.controlVariant), v.eliminatedAt,
                                v.eliminatedReason)).toList(),
                        history.stream().map(t -> new ExperimentDetail.TransitionView(t.fromStatus, t.toStatus,
                                t.changedBy, t.changedAt, t.reason)).toList(), clearance, waiting)))));
    }

    private List<ExperimentVariant> variantsFrom(UUID experimentId, VariantPlan plan) {
        boolean listed = plan.variants() != null && !plan.variants().isEmpty();
        boolean generated = plan.components() != null && !plan.components().isEmpty();
        if (listed == generated) {
            throw new InvalidRequestException("variants", "give either variants or components, not "
                    + (listed ? "both" : "neither"));
        }
        return listed ? listedVariants(experimentId, plan.variants()) : generatedVariants(experimentId, plan.components());
    }

    private static List<ExperimentVariant> listedVariants(UUID experimentId, List<VariantPlan.Variant> listed) {
        if (listed.size() < MIN_VARIANTS) {
            throw new InvalidRequestException("variants", "an experiment needs at least " + MIN_VARIANTS + " variants");
        }
        Set<String> keys = new HashSet<>();
        long weighted = listed.stream().filter(v -> v.weight() != null).count();
        if (weighted != 0 && weighted != listed.size()) {
            int firstMissing = 0;
            while (listed.get(firstMissing).weight() != null) {
                firstMissing++;
            }
            throw new InvalidRequestException("variants[" + firstMissing + "].weight",
                    "give a weight to every variant or to none");
        }
        double total = listed.stream().mapToDouble(v -> v.weight() == null ? 0.0 : v.weight()).sum();
        if (weighted > 0 && Math.abs(total - 1.0) > 1e-6) {
            throw new InvalidRequestException("variants", "weights must add up to 1, they add up to " + total);
        }
        List<ExperimentVariant> variants = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            VariantPlan.Variant v = listed.get(i);
            if (!keys.add(v.key())) {
                throw new InvalidRequestException("variants[" + i + "].key", "duplicate variant key '" + v.key() + "'");
            }
            double share = weighted > 0 ? v.weight() / total : 1.0 / listed.size();
            variants.add(variant(experimentId, v.key(), i, v.name() == null ? v.key() : v.name(), null, share));
        }
        return variants;
    }

    private List<ExperimentVariant> generatedVariants(UUID experimentId, LinkedHashMap<String, List<String>> components) {
        for (Map.Entry<String, List<String>> component : components.entrySet()) {
            if (new HashSet<>(component.getValue()).size() != component.getValue().size()) {
                throw new InvalidRequestException("components." + component.getKey(), "values must be distinct");
            }
        }
        long count = CreativeCombinations.count(components);
        if (count < MIN_VARIANTS || count > MAX_VARIANTS) {
            throw new InvalidRequestException("components", "would make " + count + " variants; an experiment has "
                    + MIN_VARIANTS + " to " + MAX_VARIANTS);
        }
        List<CreativeCombinations.Combination> combinations = CreativeCombinations.of(components);
        List<ExperimentVariant> variants = new ArrayList<>();
        for (int i = 0; i < combinations.size(); i++) {
            CreativeCombinations.Combination c = combinations.get(i);
            String name = String.join(" / ", c.components().values());
            variants.add(variant(experimentId, c.key(), i, name.length() > 200 ? name.substring(0, 200) : name,
                    write(c.components()), 1.0 / combinations.size()));
        }
        return variants;
    }

    private static ExperimentVariant variant(UUID experimentId, String key, int position, String name,
                                             String components, double share) {
        ExperimentVariant variant = new ExperimentVariant();
        variant.id = UUID.randomUUID();
        variant.experimentId = experimentId;
        variant.key = key;
        variant.position = position;
        variant.name = name;
        variant.components = components;
        variant.share = share;
        variant.live = true;
        return variant;
    }

    private String write(Map<String, ?> value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialise", e);
        }
    }

    private Map<String, String> componentsOf(ExperimentVariant variant) {
        if (variant.components == null) {
            return null;
        }
        try {
            return json.readValue(variant.components, new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored components of " + variant.key + " are not JSON", e);
        }
    }
}
