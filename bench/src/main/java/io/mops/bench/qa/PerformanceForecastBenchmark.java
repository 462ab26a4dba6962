package io.mops.bench.qa;

import io.mops.qa.forecast.PastCampaign;
import io.mops.qa.forecast.PerformanceForecast;
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
 * The performance forecast of one QA run at the most history it reads: 500 past campaigns of the channel (the limit
 * of {@code CampaignResult.HISTORY_LIMIT}) over 20 audiences, two method-of-moments priors, two conjugate updates
 * and four Beta quantiles (Commons Statistics), all on the run's worker thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class PerformanceForecastBenchmark {

    @State(Scope.Benchmark)
    public static class History {
        List<PastCampaign> channel;

        @Setup
        public void setUp() {
            SplittableRandom rng = new SplittableRandom(6L);
            channel = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                long exposures = 5_000 + rng.nextLong(200_000);
                long clicks = (long) (exposures * (0.01 + 0.04 * rng.nextDouble()));
                long conversions = (long) (clicks * (0.01 + 0.05 * rng.nextDouble()));
                channel.add(new PastCampaign("c-" + i, "email", "segment:s" + (i % 20), exposures, clicks,
                        conversions));
            }
        }
    }

    @Benchmark
    public PerformanceForecast forecastFromFiveHundredPastCampaigns(History history) {
        return PerformanceForecast.of("email", "segment:s7", history.channel);
    }
}
