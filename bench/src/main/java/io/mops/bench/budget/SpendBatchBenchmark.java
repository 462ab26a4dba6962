package io.mops.bench.budget;

import io.mops.budget.money.Money;
import io.mops.budget.pacing.BatchedSpend;
import io.mops.budget.pacing.Pacing;
import io.mops.budget.pacing.PacingCurve;
import io.mops.budget.plan.BudgetPeriod;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The domain part of spend ingestion: one poll of 1,000 spend reports over 300 campaigns (the load test's shape)
 * judged against the hard cap and pacing, campaign by campaign. What is left of a poll's time is the database's.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class SpendBatchBenchmark {

    @State(Scope.Benchmark)
    public static class Poll {
        final BudgetPeriod period = BudgetPeriod.month(YearMonth.of(2026, 12));
        final Pacing pacing = new Pacing(PacingCurve.EVEN, new BigDecimal("0.10"));
        final Money budget = Money.of("100000", "EUR");
        final Money spentBefore = Money.of("2500", "EUR");
        List<List<BatchedSpend.Report>> byCampaign;

        @Setup
        public void reports() {
            SplittableRandom random = new SplittableRandom(1000);
            byCampaign = new ArrayList<>();
            for (int c = 0; c < 300; c++) {
                byCampaign.add(new ArrayList<>());
            }
            for (int i = 0; i < 1000; i++) {
                byCampaign.get(i % 300).add(new BatchedSpend.Report(LocalDate.of(2026, 12, 4 + random.nextInt(2)),
                        Money.of(BigDecimal.valueOf(1 + random.nextInt(99), 2), budget.currency())));
            }
        }
    }

    @Benchmark
    public void judgeAPollOfAThousandReports(Poll poll, Blackhole sink) {
        for (List<BatchedSpend.Report> reports : poll.byCampaign) {
            sink.consume(BatchedSpend.apply(poll.budget, poll.spentBefore, reports, poll.pacing, poll.period));
        }
    }
}
