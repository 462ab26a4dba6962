package io.mops.budget.activation;

import io.mops.budget.budgets.Campaign;
import io.mops.common.problem.InvalidRequestException;
import io.mops.common.problem.NotFoundProblem;
import io.mops.common.security.ChannelScope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The campaign-to-platform mapping and the audit of what was sent. */
@ApplicationScoped
public class ActivationService {

    private static final int LIMIT = 200;

    private final Clock clock;

    public ActivationService(Clock clock) {
        this.clock = clock;
    }

    public Uni<PlatformCampaignView> map(UUID campaignId, Platform platform, PlatformCampaignDraft draft,
                                         String changedBy) {
        String account = accountOf(platform, draft);
        return Panache.withTransaction(() -> campaign(campaignId, Optional.empty())
                .chain(campaign -> ActivationCampaign.<ActivationCampaign>find("campaignId = ?1 and platform = ?2",
                        campaignId, platform).<ActivationCampaign>firstResult())
                .chain(existing -> {
                    ActivationCampaign row = existing != null ? existing : new ActivationCampaign();
                    if (existing == null) {
                        row.id = UUID.randomUUID();
                        row.campaignId = campaignId;
                        row.platform = platform;
                    }
                    row.accountId = account;
                    row.platformCampaignId = draft.platformCampaignId();
                    row.campaignBudgetId = platform == Platform.GOOGLE_ADS ? draft.campaignBudgetId() : null;
                    row.changedBy = changedBy;
                    row.changedAt = Instant.now(clock);
                    return row.persist().map(saved -> PlatformCampaignView.of(row));
                }));
    }

    /** The account id as the platform's API takes it; a 400 naming the field when it is not the platform's kind. */
    static String accountOf(Platform platform, PlatformCampaignDraft draft) {
        if (platform == Platform.GOOGLE_ADS && draft.campaignBudgetId() == null) {
            throw new InvalidRequestException("campaignBudgetId",
                    "required for google-ads: a budget change mutates the campaign's CampaignBudget");
        }
        return accountOf(platform, draft.accountId());
    }

    private static String accountOf(Platform platform, String accountId) {
        if (platform == Platform.GOOGLE_ADS) {
            if (accountId.startsWith("act_")) {
                throw new InvalidRequestException("accountId", "a Google Ads customer id has 10 digits");
            }
            return accountId.replace("-", "");
        }
        if (!accountId.startsWith("act_")) {
            throw new InvalidRequestException("accountId", "a Meta ad account is act_<digits>");
        }
        return accountId;
    }

    public Uni<VariantAdView> mapVariant(String experimentKey, String variantKey, Platform platform,
                                         VariantAdDraft draft, String changedBy) {
        if (platform == Platform.GOOGLE_ADS && draft.adGroupId() == null) {
            throw new InvalidRequestException("adGroupId", "required for google-ads: an ad is named by its ad group");
        }
        String account = accountOf(platform, draft.accountId());
        return Panache.withTransaction(() -> ActivationVariant.<ActivationVariant>find(
                        "experimentKey = ?1 and variantKey = ?2 and platform = ?3", experimentKey, variantKey, platform)
                .<ActivationVariant>firstResult()
                .chain(existing -> {
                    ActivationVariant row = existing != null ? existing : new ActivationVariant();
                    if (existing == null) {
                        row.id = UUID.randomUUID();
                        row.experimentKey = experimentKey;
                        row.variantKey = variantKey;
                        row.platform = platform;
                    }
                    row.accountId = account;
                    row.adGroupId = platform == Platform.GOOGLE_ADS ? draft.adGroupId() : null;
                    row.adId = draft.adId();
                    row.changedBy = changedBy;
                    row.changedAt = Instant.now(clock);
                    return row.persist().map(saved -> VariantAdView.of(row));
                }));
    }

    public Uni<List<VariantAdView>> variants(String experimentKey) {
        return Panache.withSession(() -> ActivationVariant.ofExperiment(experimentKey))
                .map(rows -> rows.stream().map(VariantAdView::of).toList());
    }

    public Uni<List<PlatformCampaignView>> platforms(UUID campaignId, ChannelScope scope) {
        return Panache.withSession(() -> campaign(campaignId, Optional.of(scope))
                .chain(c -> ActivationCampaign.ofCampaign(campaignId))
                .map(rows -> rows.stream().map(PlatformCampaignView::of).toList()));
    }

    /**
     * A campaign's requests, an experiment's (those of the caller's channel, for a channel team), or the newest of
     * every one the caller may see; newest first, at most 200.
     */
    public Uni<List<ActivationView>> requests(UUID campaignId, String experimentKey, ChannelScope scope) {
        return Panache.withSession(() -> {
            Uni<List<ActivationRequest>> rows;
            if (campaignId == null && experimentKey != null) {
                rows = scope.visibleChannel()
                        .map(channel -> ActivationRequest.<ActivationRequest>find(
                                "experimentKey = ?1 and channel = ?2 order by createdAt desc, id", experimentKey, channel))
                        .orElseGet(() -> ActivationRequest.find("experimentKey = ?1 order by createdAt desc, id",
                                experimentKey))
                        .page(0, LIMIT).list();
            } else if (campaignId != null) {
                rows = campaign(campaignId, Optional.of(scope)).chain(c -> ActivationRequest
                        .<ActivationRequest>find("campaignId = ?1 order by createdAt desc, id", campaignId)
                        .page(0, LIMIT).list());
            } else {
                rows = scope.visibleChannel()
                        .map(channel -> ActivationRequest.<ActivationRequest>find(
                                "channel = ?1 order by createdAt desc, id", channel))
                        .orElseGet(() -> ActivationRequest.find("order by createdAt desc, id"))
                        .page(0, LIMIT).list();
            }
            return rows.chain(requests -> {
                if (requests.isEmpty()) {
                    return Uni.createFrom().item(List.<ActivationView>of());
                }
                List<UUID> ids = requests.stream().map(r -> r.id).toList();
                return ActivationAttempt.<ActivationAttempt>list("requestId in ?1 order by attempt", ids)
                        .map(attempts -> {
                            Map<UUID, List<ActivationAttempt>> byRequest = attempts.stream()
                                    .collect(Collectors.groupingBy(a -> a.requestId));
                            return requests.stream().map(r -> ActivationView.of(r,
                                    byRequest.getOrDefault(r.id, List.of()))).toList();
                        });
            });
        });
    }

    /** The campaign; with a scope, only if the caller may see its channel. */
    private static Uni<Campaign> campaign(UUID campaignId, Optional<ChannelScope> scope) {
        return Campaign.<Campaign>findById(campaignId)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("no campaign " + campaignId))
                .invoke(c -> scope.ifPresent(s -> s.requireAccess(c.channel)));
    }
}
