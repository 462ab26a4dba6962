package io.mops.budget.activation;

import io.mops.common.events.CampaignBudgetChanged;
import io.mops.common.events.CampaignDefunded;
import io.mops.common.events.CampaignFunded;
import io.mops.common.events.CampaignSpendPaused;
import io.mops.common.events.ContainmentLifted;
import io.mops.common.events.EventCodec;
import io.mops.common.events.ReceivedEvent;
import io.mops.common.events.WinnerDeclared;
import io.mops.common.inbox.IdempotentConsumer;
import io.mops.common.inbox.RetryWhileDatabaseAway;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Optional;
import java.util.function.Function;

/**
 * The decisions that change what a platform should spend, read from budget-service's own events (a consumer group of
 * their own): a campaign's budget changed by a person or funded on clearance, a campaign paused when its clearance
 * is revoked (and resumed when it is cleared again), a campaign's spend paused by the risk guard and resumed when a
 * person lifts the containment; and testing-service's winners (the winning variant's ad
 * enabled, the others' paused). Each event is applied once by its id, and its platform
 * requests are written in that same transaction. Other events of the topic are passed over.
 */
@ApplicationScoped
public class ActivationListener {

    static final String CONSUMER = "budget.activation";

    private final EventCodec codec;
    private final IdempotentConsumer idempotent;
    private final ActivationPlanner planner;

    public ActivationListener(EventCodec codec, IdempotentConsumer idempotent, ActivationPlanner planner) {
        this.codec = codec;
        this.idempotent = idempotent;
        this.planner = planner;
    }

    @Incoming("activation-budget-events")
    @RetryWhileDatabaseAway
    public Uni<Void> onBudgetEvent(String payload) {
        return Uni.createFrom().deferred(() -> first(
                once(codec.readIf(payload, CampaignBudgetChanged.TYPE), e -> planner.budgetChanged(
                        e.data().campaignId(), e.data().channel(), e.id(), CampaignBudgetChanged.TYPE.name())),
                once(codec.readIf(payload, CampaignFunded.TYPE), e -> planner.funded(
                        e.data().campaignId(), e.data().channel(), e.id(), CampaignFunded.TYPE.name())),
                // A revoked clearance: the campaign's budget is 0 in MOPS, so the platforms stop delivering it.
                once(codec.readIf(payload, CampaignDefunded.TYPE), e -> planner.paused(
                        e.data().campaignId(), e.data().channel(), e.id(), CampaignDefunded.TYPE.name())),
                once(codec.readIf(payload, CampaignSpendPaused.TYPE), e -> planner.paused(
                        e.data().campaignId(), e.data().channel(), e.id(), CampaignSpendPaused.TYPE.name())),
                once(codec.readIf(payload, ContainmentLifted.TYPE)
                                // Only a paused campaign's spend is resumed; a freeze or a paused experiment paused none.
                                .filter(e -> "PAUSE_CAMPAIGN_SPEND".equals(e.data().action())),
                        e -> e.data().campaignIds().stream()
                                .map(id -> planner.resumed(id, e.data().channel(), e.id(),
                                        ContainmentLifted.TYPE.name()))
                                .reduce(Uni.createFrom().item(0), (a, b) -> a.chain(n -> b.map(m -> n + m))))));
    }

    /** testing-service's winners: the winning variant's ad enabled, the others' paused. */
    @Incoming("activation-testing-events")
    @RetryWhileDatabaseAway
    public Uni<Void> onTestingEvent(String payload) {
        return Uni.createFrom().deferred(() -> first(once(codec.readIf(payload, WinnerDeclared.TYPE),
                e -> planner.winner(e.data().experimentKey(), e.data().variantKey(), e.data().channel(), e.id(),
                        WinnerDeclared.TYPE.name()))));
    }

    private <T> Optional<Uni<Void>> once(Optional<ReceivedEvent<T>> event,
                                         Function<ReceivedEvent<T>, Uni<Integer>> effect) {
        return event.map(e -> idempotent.applyOnce(CONSUMER, e, effect::apply).replaceWithVoid());
    }

    @SafeVarargs
    private static Uni<Void> first(Optional<Uni<Void>>... effects) {
        for (Optional<Uni<Void>> effect : effects) {
            if (effect.isPresent()) {
                return effect.get();
            }
        }
        return Uni.createFrom().voidItem();
    }
}
