package io.mops.bench.budget;

import io.mops.budget.curve.CurveFit;
import io.mops.budget.curve.ResponseCurve;
import io.mops.budget.curve.ResponseCurveFitter;
import io.mops.budget.money.Money;
import io.mops.budget.optimiser.BudgetOptimiser;
import io.mops.budget.optimiser.ChannelOption;
import io.mops.budget.optimiser.Reallocation;
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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Budget optimisation over 50 channels with constraints (issue 5: under 100 ms), and the response-curve fit the
 * optimiser depends on (one channel, two years of weekly data).
 *
 * <p>The 50 channels mix concave and S-shaped curves; every fifth channel is locked, every seventh has a minimum
 * and a maximum, and every move is limited to ±20 %.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class BudgetBenchmark {

    @State(Scope.Benchmark)
    public static class FiftyChannels {
        final BudgetOptimiser optimiser = new BudgetOptimiser(Optional.of(new BigDecimal("0.20")));
        Money total;
        List<ChannelOption> channels;

        @Setup
        public void channels() {
            SplittableRandom random = new SplittableRandom(50);
            channels = new ArrayList<>();
            Money sum = Money.of("0", "EUR");
            for (int i = 0; i < 50; i++) {
                ResponseCurve curve = new ResponseCurve(random.nextDouble(0, 0.8), random.nextDouble(1_000, 20_000),
                        random.nextDouble(500, 5_000), random.nextDouble(0.6, 3.0));
                Money current = eur(random.nextDouble(1_000, 10_000));
                ChannelOption option = ChannelOption.unconstrained("channel-" + i,
                        new CurveFit(curve, 1, 0, 104, new double[4][4]).overPeriods(4), current);
                if (i % 5 == 0) {
                    option = option.lockedAtCurrent();
                } else if (i % 7 == 0) {
                    option = option.within(current.times(new BigDecimal("0.9")), current.times(new BigDecimal("1.1")));
                }
                channels.add(option);
                sum = sum.plus(current);
            }
            total = sum;
        }

        static Money eur(double amount) {
            return Money.of(BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_EVEN), Money.currency("EUR"));
        }
    }

    @State(Scope.Benchmark)
    public static class WeeklyHistory {
        final ResponseCurveFitter fitter = new ResponseCurveFitter();
        double[] spend;
        double[] outcome;

        @Setup
        public void history() {
            SplittableRandom random = new SplittableRandom(104);
            spend = new double[104];
            for (int t = 0; t < spend.length; t++) {
                spend[t] = random.nextDouble(0, 3_000);
            }
            outcome = new ResponseCurve(0.5, 5_000, 2_500, 2).predict(spend);
            for (int t = 0; t < outcome.length; t++) {
                outcome[t] = Math.max(0, outcome[t] + 50 * (random.nextDouble() - 0.5));
            }
        }
    }

    @Benchmark
    public Reallocation optimiseFiftyChannels(FiftyChannels state) {
        return state.optimiser.optimise(state.total, state.channels);
    }

    @Benchmark
    public CurveFit fitResponseCurveToTwoYearsWeekly(WeeklyHistory state) {
        return state.fitter.fit(state.spend, state.outcome);
    }
}
