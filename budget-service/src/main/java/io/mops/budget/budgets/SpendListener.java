package io.mops.budget.budgets;

import io.mops.common.events.CampaignSpendReported;
import io.mops.common.events.EventCodec;
import io.mops.common.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;

/**
 * Takes in spend from the channel integrations ({@code mops.ingest.spend}), through the same hard cap and pacing
 * as spend sent by REST. A report that can never apply is dead-lettered with the reason; one that lost a race
 * with a concurrent spend on the same campaign is simply applied again.
 */
@ApplicationScoped
public class SpendListener {

    static final String CONSUMER = "budget.campaign-spend";

    private final EventCodec codec;
    private final IdempotentConsumer idempotent;
    private final CampaignService campaigns;

    public SpendListener(EventCodec codec, IdempotentConsumer idempotent, CampaignService campaigns) {
        this.codec = codec;
        this.idempotent = idempotent;
        this.campaigns = campaigns;
    }

    @Incoming("campaign-spend")
    public Uni<Void> onSpend(String payload) {
        return Uni.createFrom().item(() -> codec.read(payload, CampaignSpendReported.TYPE))
                .flatMap(event -> idempotent.applyOnce(CONSUMER, event, campaigns::recordReportedSpend)
                        .onFailure(BudgetProblems::isConcurrentChange)
                        .retry().withBackOff(Duration.ofMillis(20)).atMost(5))
                .replaceWithVoid();
    }
}
