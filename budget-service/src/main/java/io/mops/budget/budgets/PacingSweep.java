package io.mops.budget.budgets;

import io.mops.budget.pacing.Pacing;
import io.mops.budget.pacing.PacingAssessment;
import io.mops.common.events.BudgetPacingAlert;
import io.mops.common.outbox.Outbox;
import io.mops.common.time.ClockDrivenJob;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Re-judges the pacing of every running campaign as the days pass. Spend alone cannot reveal a campaign that has
 * stopped spending: without this sweep it would never be seen to underpace.
 */
@ApplicationScoped
public class PacingSweep implements ClockDrivenJob {

    private final Outbox outbox;
    private final Clock clock;

    public PacingSweep(Outbox outbox, Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
    }

    @Scheduled(every = "${mops.budget.pacing-sweep:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return runDue();
    }

    @Override
    public String name() {
        return "pacing sweep";
    }

    @Override
    public Uni<Void> runDue() {
        // Yesterday is the last day whose spend can be complete; judging today would see every campaign behind.
        return sweep(LocalDate.now(clock).minusDays(1))
                .invoke(alerts -> Log.debugf("pacing sweep raised %d alert(s)", alerts))
                .replaceWithVoid();
    }

    /** @return how many campaigns went off pace and were announced */
    public Uni<Integer> sweep(LocalDate asOf) {
        return Panache.withSession(() -> Campaign.<Campaign>list("status = ?1 and planId in (select p.id from Plan p "
                        + "where p.periodStart <= ?2 and p.periodEnd >= ?2)", Campaign.Status.ACTIVE, asOf))
                .map(campaigns -> campaigns.stream().map(c -> c.id).toList())
                .chain(ids -> reassessEach(ids, asOf));
    }

    private Uni<Integer> reassessEach(List<UUID> campaignIds, LocalDate asOf) {
        // One transaction per campaign: a campaign busy with new spend fails alone and is judged again next time.
        return Multi.createFrom().iterable(campaignIds)
                .onItem().transformToUniAndConcatenate(id -> reassess(id, asOf)
                        .onFailure().recoverWithItem(false))
                .collect().asList()
                .map(results -> (int) results.stream().filter(raised -> raised).count());
    }

    private Uni<Boolean> reassess(UUID campaignId, LocalDate asOf) {
        return Panache.withTransaction(() -> Campaign.<Campaign>findById(campaignId)
                .chain(campaign -> Plan.<Plan>findById(campaign.planId).chain(plan -> {
                    PacingAssessment pacing = new Pacing(plan.pacingCurve, plan.pacingTolerance)
                            .assess(plan.money(campaign.amount), plan.money(campaign.spent), plan.period(), asOf);
                    if (pacing.state() == campaign.pacingState) {
                        return Uni.createFrom().item(false);
                    }
                    campaign.pacingState = pacing.state();
                    if (!pacing.state().needsAlert()) {
                        return Uni.createFrom().item(false);
                    }
                    BudgetPacingAlert alert = new BudgetPacingAlert(campaign.id, campaign.channel, plan.id,
                            pacing.state().name(), plan.pacingCurve.name(), campaign.amount, campaign.spent,
                            pacing.plannedToDate().amount(), pacing.projectedSpend().amount(), pacing.tolerance(),
                            plan.currency, asOf);
                    return outbox.record(BudgetPacingAlert.TYPE, alert.subject(), alert).replaceWith(true);
                })));
    }
}
