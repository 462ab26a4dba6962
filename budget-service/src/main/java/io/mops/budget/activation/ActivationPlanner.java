package io.mops.budget.activation;

import io.mops.budget.budgets.Campaign;
import io.mops.budget.budgets.Plan;
import io.mops.budget.money.Money;
import io.mops.budget.plan.BudgetPeriod;
import io.mops.common.events.CampaignDefunded;
import io.quarkus.arc.All;
import io.quarkus.panache.common.Sort;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a decision into one request per platform the campaign is on, written as {@link ActivationRequest} rows in the
 * caller's transaction (the inbox's, which records the event id in it): {@code PENDING} for a live platform, {@code
 * DRY_RUN} otherwise. A campaign on no platform gets none.
 */
@ApplicationScoped
public class ActivationPlanner {

    private final Map<Platform, AdPlatformConnector> connectors = new EnumMap<>(Platform.class);
    private final Clock clock;

    public ActivationPlanner(@All List<AdPlatformConnector> connectors, Clock clock) {
        connectors.forEach(c -> this.connectors.put(c.platform(), c));
        this.clock = clock;
    }

    /** The campaign's budget changed: each platform campaign's daily budget follows ({@link DailyBudget}). */
    public Uni<Integer> budgetChanged(UUID campaignId, String channel, UUID eventId, String eventType) {
        return Campaign.<Campaign>findById(campaignId).chain(campaign -> {
            if (campaign == null) {
                Log.warnf("%s %s names no campaign %s; nothing to send", eventType, eventId, campaignId);
                return Uni.createFrom().item(0);
            }
            return Plan.<Plan>findById(campaign.planId).chain(plan -> {
                Money budget = Money.of(campaign.amount, Money.currency(plan.currency));
                Money spent = Money.of(campaign.spent, budget.currency());
                LocalDate today = LocalDate.ofInstant(Instant.now(clock), ZoneOffset.UTC);
                Optional<Money> daily = DailyBudget.of(budget, spent,
                        new BudgetPeriod(plan.periodStart, plan.periodEnd), today);
                if (daily.isEmpty()) {
                    Log.infof("campaign %s: its plan's period ended %s; no budget sent", campaignId, plan.periodEnd);
                    return Uni.createFrom().item(0);
                }
                return write(campaignId, channel, eventId, eventType, ActivationKind.BUDGET,
                        (connector, target) -> connector.budget(target, daily.get()));
            });
        });
    }

    /**
     * Funded on clearance: the platforms get the daily budget, and where the campaign's last pause on them came from
     * a revoked clearance ({@code CampaignDefunded}), they resume it. A pause of the risk guard is lifted only by
     * its containment's lift, never by funding.
     */
    public Uni<Integer> funded(UUID campaignId, String channel, UUID eventId, String eventType) {
        return budgetChanged(campaignId, channel, eventId, eventType)
                .chain(budgets -> ActivationRequest.<ActivationRequest>find("campaignId = ?1 and kind in ?2",
                                Sort.descending("createdAt"), campaignId,
                                List.of(ActivationKind.PAUSE, ActivationKind.RESUME)).firstResult()
                        .chain(last -> last != null && last.kind == ActivationKind.PAUSE
                                && CampaignDefunded.TYPE.name().equals(last.eventType)
                                ? resumed(campaignId, channel, eventId, eventType).map(resumes -> budgets + resumes)
                                : Uni.createFrom().item(budgets)));
    }

    public Uni<Integer> paused(UUID campaignId, String channel, UUID eventId, String eventType) {
        return write(campaignId, channel, eventId, eventType, ActivationKind.PAUSE, AdPlatformConnector::pause);
    }

    public Uni<Integer> resumed(UUID campaignId, String channel, UUID eventId, String eventType) {
        return write(campaignId, channel, eventId, eventType, ActivationKind.RESUME, AdPlatformConnector::resume);
    }

    /**
     * An experiment's winner: its ad is enabled and every other variant's ad of the experiment paused, on each
     * platform they are mapped to. An experiment with no ads mapped gets no request.
     */
    public Uni<Integer> winner(String experimentKey, String winner, String channel, UUID eventId, String eventType) {
        return ActivationVariant.ofExperiment(experimentKey).chain(ads -> {
            Uni<Integer> written = Uni.createFrom().item(0);
            Instant now = Instant.now(clock);
            for (ActivationVariant ad : ads) {
                boolean wins = ad.variantKey.equals(winner);
                PlatformRequest request = connectors.get(ad.platform).adStatus(ad.target(), wins);
                ActivationRequest row = row(ad.platform, wins ? ActivationKind.ENABLE_AD : ActivationKind.PAUSE_AD,
                        channel, eventId, eventType, request, now);
                row.experimentKey = experimentKey;
                row.variantKey = ad.variantKey;
                Log.infof("%s %s → %s %s of %s variant %s: %s %s %s", eventType, eventId, row.status,
                        ad.platform.key(), experimentKey, ad.variantKey, request.method(), request.url(), request.body());
                written = written.call(() -> row.persist()).map(n -> n + 1);
            }
            return written;
        });
    }

    private ActivationRequest row(Platform platform, ActivationKind kind, String channel, UUID eventId,
                                  String eventType, PlatformRequest request, Instant now) {
        ActivationRequest row = new ActivationRequest();
        row.id = UUID.randomUUID();
        row.platform = platform;
        row.kind = kind;
        row.channel = channel;
        row.eventId = eventId;
        row.eventType = eventType;
        row.method = request.method();
        row.url = request.url();
        row.contentType = request.contentType();
        row.body = request.body();
        row.createdAt = now;
        if (connectors.get(platform).live()) {
            row.status = ActivationRequest.Status.PENDING;
            row.nextAttemptAt = now;
        } else {
            row.status = ActivationRequest.Status.DRY_RUN;
            row.completedAt = now;
        }
        return row;
    }

    private interface Build {
        PlatformRequest of(AdPlatformConnector connector, PlatformTarget target);
    }

    private Uni<Integer> write(UUID campaignId, String channel, UUID eventId, String eventType, ActivationKind kind,
                               Build build) {
        return ActivationCampaign.ofCampaign(campaignId).chain(targets -> {
            Uni<Integer> written = Uni.createFrom().item(0);
            Instant now = Instant.now(clock);
            for (ActivationCampaign target : targets) {
                PlatformRequest request = build.of(connectors.get(target.platform), target.target());
                ActivationRequest row = row(target.platform, kind, channel, eventId, eventType, request, now);
                row.campaignId = campaignId;
                Log.infof("%s %s → %s %s of campaign %s: %s %s %s", eventType, eventId, row.status,
                        target.platform.key(), campaignId, request.method(), request.url(), request.body());
                written = written.call(() -> row.persist()).map(n -> n + 1);
            }
            return written;
        });
    }
}
