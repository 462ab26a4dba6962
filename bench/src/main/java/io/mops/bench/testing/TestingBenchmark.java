package io.mops.bench.testing;

import io.mops.testing.allocation.AllocationPolicy;
import io.mops.testing.allocation.PeriodTally;
import io.mops.testing.allocation.VariantTally;
import io.mops.testing.assignment.StickyAssigner;
import io.mops.testing.assignment.TrafficShare;
import io.mops.testing.experiment.MetricKind;
import io.mops.testing.experiment.SequentialPlan;
import io.mops.testing.results.ExperimentAnalysis;
import io.mops.testing.results.ExperimentReadout;
import io.mops.testing.results.GuardrailCheck;
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

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Testing service (issue 4): in-process sticky assignment over 100 variants (target: 5 million decisions per
 * second per core), and the full statistics of a 500-variant experiment (target: under 50 ms), also after ten
 * re-weightings (issue 11: every estimate weighted by allocation period, elimination bounds for every variant).
 */
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class TestingBenchmark {

    /** 100 variants with uneven shares and 4,096 distinct unit ids, cycled. */
    @State(Scope.Thread)
    public static class Assignment {
        StickyAssigner assigner;
        String[] units;
        int next;

        @Setup
        public void setUp() {
            List<TrafficShare> split = new ArrayList<>();
            double total = 0;
            double[] raw = new double[100];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = 1 + i % 7;
                total += raw[i];
            }
            for (int i = 0; i < raw.length; i++) {
                split.add(new TrafficShare("variant-" + i, raw[i] / total, i % 10 != 3));
            }
            assigner = new StickyAssigner(0x5eed, split);
            units = new String[4096];
            for (int i = 0; i < units.length; i++) {
                units[i] = "visitor-" + (1_000_000 + i * 7919);
            }
        }
    }

    /** 500 variants around a 5 % conversion rate, 2,000 to 6,000 exposures each, 10 % of them eliminated. */
    @State(Scope.Benchmark)
    public static class FiveHundredVariants {
        List<VariantTally> tallies;
        long[] sinceLastAllocation;
        double[] intendedShares;
        ExperimentAnalysis analysis;

        @Setup
        public void setUp() {
            SplittableRandom random = new SplittableRandom(500);
            tallies = new ArrayList<>();
            sinceLastAllocation = new long[500];
            intendedShares = new double[500];
            for (int i = 0; i < 500; i++) {
                long exposures = 2_000 + random.nextInt(4_000);
                double rate = 0.04 + 0.02 * random.nextDouble();
                long converted = Math.round(exposures * rate);
                tallies.add(new VariantTally("variant-" + i, i % 10 != 7, exposures, converted, converted,
                        converted));
                sinceLastAllocation[i] = exposures / 2;
                intendedShares[i] = 1.0 / 500;
            }
            analysis = new ExperimentAnalysis(0.95,
                    new AllocationPolicy(500, 0.001, 0.1, false, 0.5, 0.01, 0.95, 0.0005), GuardrailCheck.DEFAULT,
                    SequentialPlan.Defaults.DEFAULT);
        }
    }

    /**
     * The same 500 variants after ten re-weightings: every variant's units spread over ten allocation periods with
     * shares that drifted, so every estimate is weighted by period.
     */
    @State(Scope.Benchmark)
    public static class FiveHundredVariantsOverTenPeriods {
        List<VariantTally> tallies;
        long[] sinceLastAllocation;
        double[] intendedShares;
        ExperimentAnalysis analysis;

        @Setup
        public void setUp() {
            SplittableRandom random = new SplittableRandom(510);
            tallies = new ArrayList<>();
            sinceLastAllocation = new long[500];
            intendedShares = new double[500];
            for (int i = 0; i < 500; i++) {
                double rate = 0.04 + 0.02 * random.nextDouble();
                List<PeriodTally> periods = new ArrayList<>();
                for (int p = 0; p < 10; p++) {
                    long exposures = 100 + random.nextInt(500);
                    long converted = Math.round(exposures * (rate + 0.002 * p));
                    periods.add(new PeriodTally(exposures, converted, converted, converted));
                }
                tallies.add(new VariantTally("variant-" + i, i % 10 != 7, periods));
                sinceLastAllocation[i] = periods.getLast().exposures();
                intendedShares[i] = 1.0 / 500;
            }
            analysis = new ExperimentAnalysis(0.95,
                    new AllocationPolicy(500, 0.001, 0.1, false, 0.5, 0.01, 0.95, 0.0005), GuardrailCheck.DEFAULT,
                    SequentialPlan.Defaults.DEFAULT);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int assignAmongOneHundredVariants(Assignment state) {
        String unit = state.units[state.next++ & 4095];
        return state.assigner.variantIndexFor(unit);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ExperimentReadout fullStatisticsForFiveHundredVariants(FiveHundredVariants state) {
        return state.analysis.analyse(MetricKind.BINARY, state.tallies, 0, state.sinceLastAllocation,
                state.intendedShares);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ExperimentReadout fullStatisticsForFiveHundredVariantsOverTenPeriods(
            FiveHundredVariantsOverTenPeriods state) {
        return state.analysis.analyse(MetricKind.BINARY, state.tallies, 0, state.sinceLastAllocation,
                state.intendedShares);
    }
}
