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
 * of {@code CampaignResult.HISTORY_LIMIT}). Per rate: the 40 × 40 grid of the hierarchical model's spreads (a
 * marginal likelihood per point over every audience), the 16-part mixture for the next campaign, and its
 * beta-binomial counts (or the continuous limit) for the planned exposures; twice, for clicks and conversions.
 * The grid costs in proportion to the number of audiences, so the benchmark runs 20 of them and, as the worst
 * case, 500 audiences of one campaign each.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class PerformanceForecastBenchmark {

    @State(Scope.Benchmark)
    public static class History {
        List<PastCampaign> twentyAudiences;
        List<PastCampaign> fiveHundredAudiences;

        @Setup
        public void setUp() {
            twentyAudiences = history(20);
            fiveHundredAudiences = history(500);
        }

        private static List<PastCampaign> history(int audiences) {
            SplittableRandom rng = new SplittableRandom(6L);
            List<PastCampaign> channel = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                long exposures = 5_000 + rng.nextLong(200_000);
                long clicks = (long) (exposures * (0.01 + 0.04 * rng.nextDouble()));
                long conversions = (long) (clicks * (0.01 + 0.05 * rng.nextDouble()));
                channel.add(new PastCampaign("c-" + i, "email", "segment:s" + (i % audiences), exposures, clicks,
                        conversions));
            }
            return channel;
        }
    }

    @Benchmark
    public PerformanceForecast forecastFromFiveHundredPastCampaigns(History history) {
        return PerformanceForecast.of("email", "segment:s7", 184_000L, history.twentyAudiences);
    }

    @Benchmark
    public PerformanceForecast forecastFromFiveHundredAudiencesOfOneCampaign(History history) {
        return PerformanceForecast.of("email", "segment:s7", 184_000L, history.fiveHundredAudiences);
    }

    @Benchmark
    public PerformanceForecast forecastForASmallSend(History history) {
        return PerformanceForecast.of("email", "segment:s7", 2_000L, history.twentyAudiences);
    }
}
