package io.mops.budget.pacing;

import io.mops.budget.money.Money;
import io.mops.budget.plan.BudgetPeriod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Several spend reports of one campaign taken in together, as a consumer that reads a whole poll at a time does.
 * The hard cap sees the reports in the order they arrived, exactly as if they had come one by one — each report
 * is flagged over the cap or not on its own, and the budget is used up by one particular report — while pacing is
 * judged once, on everything spent, as of the latest day reported: what the last of the single judgements would
 * have been if the reports had come in day order.
 */
public final class BatchedSpend {

    private BatchedSpend() {
    }

    /** One report: money spent on one day. */
    public record Report(LocalDate day, Money amount) {
    }

    /**
     * @param cap          the hard cap's verdict on all the reports together
     * @param overCap      per report, in the order given: whether it took the spend past the budget
     * @param exhaustedOn  the day of the report that used the budget up, if one of these did
     * @param pacing       the pacing after all the reports
     * @param asOf         the day pacing was judged as of: the latest day reported
     */
    public record Outcome(SpendCap.SpendOutcome cap, List<Boolean> overCap, Optional<LocalDate> exhaustedOn,
                          PacingAssessment pacing, LocalDate asOf) {

        public Outcome {
            overCap = List.copyOf(overCap);
        }

        /** Whether one of these reports used the budget up: announce it once, with that report's day. */
        public boolean exhaustedNow() {
            return exhaustedOn.isPresent();
        }
    }

    public static Outcome apply(Money budget, Money spentBefore, List<Report> reports, Pacing pacing,
                                BudgetPeriod period) {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("a batch of spend needs at least one report");
        }
        Money spent = spentBefore;
        LocalDate latest = reports.getFirst().day();
        List<Boolean> overCap = new ArrayList<>(reports.size());
        Optional<LocalDate> exhaustedOn = Optional.empty();
        for (Report report : reports) {
            SpendCap.SpendOutcome single = SpendCap.apply(budget, spent, report.amount());
            overCap.add(single.spentAfter().isGreaterThan(budget));
            if (single.exhaustedNow()) {
                exhaustedOn = Optional.of(report.day());
            }
            spent = single.spentAfter();
            if (report.day().isAfter(latest)) {
                latest = report.day();
            }
        }
        SpendCap.SpendOutcome total = new SpendCap.SpendOutcome(budget, spentBefore, spent);
        return new Outcome(total, overCap, exhaustedOn, pacing.assess(budget, spent, period, latest), latest);
    }
}
