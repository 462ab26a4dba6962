package io.mops.budget.budgets;

import io.mops.common.events.CampaignSpendReported;
import io.mops.common.events.EventCodec;
import io.mops.common.events.PoisonEventException;
import io.mops.common.inbox.DeadLetter;
import io.mops.common.inbox.DeadLetterMeter;
import io.mops.common.inbox.OutageRetry;
import io.mops.common.inbox.RefusedWrites;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes in spend from the channel integrations ({@code mops.ingest.spend}) a whole poll at a time, through the same
 * hard cap and pacing as spend sent by REST, in one transaction per poll ({@link SpendLedger}).
 * <p>
 * A report that can never apply is dead-lettered here, record by record, with the reason: the connector's
 * dead-letter strategy acts on the whole batch, so leaving poison to it would dead-letter the good reports of the
 * same poll too. Malformed reports go before the transaction; those the database refuses (an unknown campaign, a
 * currency or day the plan refuses) once it has committed, so that a retried transaction does not dead-letter
 * them twice. A report the database refuses although validation let it through is found by halving the poll
 * ({@link RefusedWrites}) and dead-lettered alone with the database's reason. The dead letters are acknowledged by
 * Kafka before the poll is committed, so none is lost. A poll that lost a race with spend on the same campaign is
 * applied again as a whole. While the database is unavailable each transaction is retried within one budget for the
 * poll ({@link OutageRetry}): an outage costs a retry, never a dead letter.
 */
@ApplicationScoped
public class SpendListener {

    static final String CONSUMER = "budget.campaign-spend";
    static final String DEAD_LETTERS = "campaign-spend-dead-letters";

    private final EventCodec codec;
    private final SpendLedger ledger;
    private final MutinyEmitter<String> deadLetters;
    private final DeadLetterMeter deadLettered;
    private final OutageRetry outageRetry;

    public SpendListener(EventCodec codec, SpendLedger ledger,
                         @Channel(DEAD_LETTERS) MutinyEmitter<String> deadLetters, DeadLetterMeter deadLettered,
                         OutageRetry outageRetry) {
        this.codec = codec;
        this.ledger = ledger;
        this.deadLetters = deadLetters;
        this.deadLettered = deadLettered;
        this.outageRetry = outageRetry;
    }

    @Incoming("campaign-spend")
    public Uni<Void> onSpend(ConsumerRecords<String, String> records) {
        List<SpendLedger.Reported<ConsumerRecord<String, String>>> reports = new ArrayList<>(records.count());
        List<SpendLedger.Refused<ConsumerRecord<String, String>>> malformed = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                reports.add(new SpendLedger.Reported<>(record, codec.read(record.value(), CampaignSpendReported.TYPE)));
            } catch (PoisonEventException e) {
                malformed.add(new SpendLedger.Refused<>(record, e.getMessage()));
            }
        }
        OutageRetry.Budget budget = outageRetry.budget();
        return deadLetter(malformed)
                .chain(() -> RefusedWrites.store(reports,
                        part -> budget.untilBack(() -> Uni.createFrom()
                                .deferred(() -> ledger.recordOnce(CONSUMER, part))
                                .onFailure(BudgetProblems::isConcurrentChange)
                                .retry().withBackOff(Duration.ofMillis(20)).atMost(5)),
                        (report, refusal) -> deadLetter(
                                new SpendLedger.Refused<>(report.record(), RefusedWrites.reason(refusal)))))
                .chain(refusedParts -> deadLetter(refusedParts.stream().flatMap(List::stream).toList()));
    }

    private Uni<Void> deadLetter(List<SpendLedger.Refused<ConsumerRecord<String, String>>> refused) {
        if (refused.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(refused.stream().map(this::deadLetter).toList()).andFailFast().replaceWithVoid();
    }

    private Uni<Void> deadLetter(SpendLedger.Refused<ConsumerRecord<String, String>> refused) {
        return deadLetters.sendMessage(DeadLetter.of(refused.record(), refused.reason()))
                .invoke(() -> deadLettered.deadLettered(refused.record().topic()));
    }
}
