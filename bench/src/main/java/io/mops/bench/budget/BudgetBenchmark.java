package io.mops.bench.budget;

import io.mops.budget.curve.CurveFit;
import io.mops.budget.curve.ResponseCurve;
import io.mops.budget.curve.ResponseCurveFitter;
import io.mops.budget.curve.SpendResponse;
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
 * Budget optimisation over 50 channels with constraints (issues 5 and 11: under 100 ms), and the response-curve fit
 * the optimiser depends on (one channel, two years of weekly data).
 *
 * <p>Of the 50 channels, 10 have S-shaped curves (shape 1.5–3.5) with their current spend between 0.3 and 1.5 times
 * their inflection point, so that their convex part lies inside their range; the other 40 are concave (shape
 * 0.5–1). Every fifth channel is locked; the S-shaped ones and every seventh may move between half and twice their
 * spend. {@code optimiseFiftyChannels} also limits every move to ±20 %; {@code optimiseFiftyChannelsWithinBounds}
 * has only the minimums and maximums, so that all ten S-shaped channels can go anywhere from half to twice their
 * spend (the global search's hardest case here).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class BudgetBenchmark {

    @State(Scope.Benchmark)
    public static class FiftyChannels {
        final BudgetOptimiser withMaximumChange = new BudgetOptimiser(Optional.of(new BigDecimal("0.20")));
        final BudgetOptimiser withinBounds = new BudgetOptimiser(Optional.empty());
        Money total;
        List<ChannelOption> channels;

        @Setup
        public void channels() {
            SplittableRandom random = new SplittableRandom(50);
            channels = new ArrayList<>();
            Money sum = Money.of("0", "EUR");
            for (int i = 0; i < 50; i++) {
                boolean sShaped = i % 5 == 1;
                ResponseCurve curve = new ResponseCurve(random.nextDouble(0, 0.8), random.nextDouble(1_000, 20_000),
                        random.nextDouble(500, 5_000),
                        sShaped ? random.nextDouble(1.5, 3.5) : random.nextDouble(0.5, 1.0));
                SpendResponse response = new CurveFit(curve, 1, 0, 104, new double[4][4]).overPeriods(4);
                Money current = sShaped ? eur(response.concaveFrom() * random.nextDouble(0.3, 1.5))
                        : eur(random.nextDouble(1_000, 10_000));
                ChannelOption option = ChannelOption.unconstrained("channel-" + i, response, current);
                if (i % 5 == 0) {
                    option = option.lockedAtCurrent();
                } else if (sShaped || i % 7 == 0) {
                    option = option.within(current.times(new BigDecimal("0.5")), current.times(new BigDecimal("2")));
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
        return state.withMaximumChange.optimise(state.total, state.channels);
    }

    @Benchmark
    public Reallocation optimiseFiftyChannelsWithinBounds(FiftyChannels state) {
        return state.withinBounds.optimise(state.total, state.channels);
    }

    @Benchmark
    public CurveFit fitResponseCurveToTwoYearsWeekly(WeeklyHistory state) {
        return state.fitter.fit(state.spend, state.outcome);
    }
}
