package io.mops.qa.forecast;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;
import java.util.function.ToLongFunction;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The forecast against the future, in seeded simulations with known truth ({@link SimulatedChannel}): campaign rates
 * vary around their audience's (relative sd 20 %), audiences around the channel's (30 %), sizes vary a hundredfold.
 * A forecast is made from the history; then the next campaign is drawn and run, and the forecast is scored on it:
 * whether its 90 % interval held the rate the campaign reported, and the Brier score of its chance of reaching a
 * target drawn around the rate the planner has seen (the audience's past campaigns pooled, the channel's for a new
 * audience; relative sd 25 %). Always saying 50 % scores 0.25; the oracle, who knows the audience's true rate and
 * the campaign spread, is printed alongside.
 */
class ForecastCalibrationTest {

    private static final int[] AUDIENCE_HISTORIES = {0, 1, 2, 3, 5, 10, 20};

    @Test
    void nineInTenNextCampaignsLandInTheIntervalAndTheChanceOfReachingTheTargetIsSharp() {
        Scores scores = simulate(20261206L, 2100, 0.2, 0.3, trial -> AUDIENCE_HISTORIES[trial % 7], 10, 30);
        scores.print("campaigns ±20 %, audiences ±30 %, 10-30 other audiences of 1-8 campaigns");
        assertAll(scores.checks(0.85, 0.95));
    }

    @Test
    void anAudienceAloneOnItsChannelIsForecastFromItsOwnCampaigns() {
        // The reviewer's setup: only the audience's own past campaigns, which vary ±20 % around its rate. With three
        // of them the spread is still mostly the prior's, so the interval is wider than it needs to be (about 95 %),
        // never narrower.
        Scores scores = simulate(7L, 1200, 0.2, 0.3, trial -> new int[]{3, 5, 10, 20}[trial % 4], 0, 0);
        scores.print("one audience alone, campaigns ±20 %");
        assertAll(scores.checks(0.85, 0.97));
    }

    @Test
    void theIntervalHoldsWhetherCampaignsDifferLittleOrMuch() {
        Scores steady = simulate(11L, 700, 0.1, 0.15, trial -> AUDIENCE_HISTORIES[trial % 7], 10, 30);
        steady.print("campaigns ±10 %, audiences ±15 %");
        Scores volatile_ = simulate(13L, 700, 0.4, 0.5, trial -> AUDIENCE_HISTORIES[trial % 7], 10, 30);
        volatile_.print("campaigns ±40 %, audiences ±50 %");
        assertAll(() -> assertCoverage("campaigns ±10 %", steady), () -> assertCoverage("campaigns ±40 %", volatile_));
    }

    private static void assertCoverage(String scenario, Scores scores) {
        for (var rate : List.of(Map.entry("click rate", scores.clicks), Map.entry("conversion rate", scores.conversions))) {
            Score all = Score.all(rate.getValue());
            assertTrue(all.coverage() >= 0.85 && all.coverage() <= 0.95, scenario + ", " + rate.getKey() + ": coverage "
                    + all.coverage());
        }
    }

    private static Scores simulate(long seed, int trials, double campaignSpread, double audienceSpread,
                                   IntUnaryOperator audienceHistory, int fewestOthers, int mostOthers) {
        SimulatedChannel truth = new SimulatedChannel(RandomSource.XO_RO_SHI_RO_128_PP.create(seed), campaignSpread,
                audienceSpread);
        Scores scores = new Scores();
        for (int trial = 0; trial < trials; trial++) {
            double clickRate = truth.uniform(0.01, 0.08);
            double conversionRate = truth.uniform(0.02, 0.10);
            List<PastCampaign> history = new ArrayList<>();
            int others = truth.uniform(fewestOthers, mostOthers);
            for (int audience = 0; audience < others; audience++) {
                run(truth, "a" + audience, truth.audienceRate(clickRate), truth.audienceRate(conversionRate),
                        truth.uniform(1, 8), history);
            }
            double targetClicks = truth.audienceRate(clickRate);
            double targetConversions = truth.audienceRate(conversionRate);
            int own = audienceHistory.applyAsInt(trial);
            run(truth, "target", targetClicks, targetConversions, own, history);

            long exposures = truth.logUniform(1_000, 500_000);
            long clicks = truth.successes(exposures, truth.campaignRate(targetClicks));
            long conversions = truth.successes(clicks, truth.campaignRate(targetConversions));
            BigDecimal clickTarget = target(truth, seenRate(history, PastCampaign::clicks, PastCampaign::exposures));
            BigDecimal conversionTarget = target(truth, seenRate(history, PastCampaign::conversions,
                    PastCampaign::clicks));

            PerformanceForecast forecast = PerformanceForecast.of("email", "target", exposures, history);
            scores.click(own).add(forecast.clickRate().orElseThrow(), clicks, exposures, clickTarget,
                    truth.chanceOfReaching(targetClicks, exposures, clickTarget));
            if (clicks > 0) {
                scores.conversion(own).add(forecast.conversionRate().orElseThrow(), conversions, clicks,
                        conversionTarget, truth.chanceOfReaching(targetConversions, clicks, conversionTarget));
            }
        }
        return scores;
    }

    private static void run(SimulatedChannel truth, String audience, double clickRate, double conversionRate,
                            int campaigns, List<PastCampaign> history) {
        for (int i = 0; i < campaigns; i++) {
            long exposures = truth.logUniform(2_000, 200_000);
            long clicks = truth.successes(exposures, truth.campaignRate(clickRate));
            long conversions = truth.successes(clicks, truth.campaignRate(conversionRate));
            history.add(new PastCampaign(audience + "-" + history.size(), "email", audience, exposures, clicks,
                    conversions));
        }
    }

    /** A target a planner might set: around the rate seen so far, ±25 %. */
    private static BigDecimal target(SimulatedChannel truth, double rate) {
        return BigDecimal.valueOf(Math.max(0, rate * (1 + 0.25 * truth.gaussian())));
    }

    /**
     * The rate a planner has seen: the audience's past campaigns pooled, or the channel's for an audience never
     * seen. Plain sums of the history, not the model's estimate, so the question does not depend on the code under
     * test.
     */
    private static double seenRate(List<PastCampaign> history, ToLongFunction<PastCampaign> successes,
                                   ToLongFunction<PastCampaign> trials) {
        List<PastCampaign> own = history.stream().filter(c -> c.audience().equals("target")).toList();
        List<PastCampaign> basis = own.stream().mapToLong(trials).sum() > 0 ? own : history;
        return (double) basis.stream().mapToLong(successes).sum() / basis.stream().mapToLong(trials).sum();
    }

    /** Coverage and Brier score of forecasts against what happened. */
    static final class Score {
        int forecasts;
        int covered;
        double brier;
        double oracleBrier;
        /** Per tenth of the forecast chance: how many, their chances summed, how many reached the target. */
        final int[] binCount = new int[10];
        final double[] binChance = new double[10];
        final int[] binReached = new int[10];

        /** @param oracle the chance of reaching the target for one who knows the audience's true rate and spread */
        void add(RateForecast forecast, long successes, long trials, BigDecimal target, double oracle) {
            double reported = (double) successes / trials;
            forecasts++;
            covered += forecast.low() <= reported && reported <= forecast.high() ? 1 : 0;
            boolean reached = BigDecimal.valueOf(successes).compareTo(target.multiply(BigDecimal.valueOf(trials))) >= 0;
            double chance = forecast.chanceOfReaching(target);
            double miss = chance - (reached ? 1 : 0);
            brier += miss * miss;
            int bin = Math.min(9, (int) (chance * 10));
            binCount[bin]++;
            binChance[bin] += chance;
            binReached[bin] += reached ? 1 : 0;
            double oracleMiss = oracle - (reached ? 1 : 0);
            oracleBrier += oracleMiss * oracleMiss;
        }

        double coverage() {
            return (double) covered / forecasts;
        }

        double brierScore() {
            return brier / forecasts;
        }

        double oracleBrierScore() {
            return oracleBrier / forecasts;
        }

        /**
         * The reliability term of the Brier score's decomposition (Murphy): Σ n<sub>b</sub>(mean chance − share
         * reached)² / n over tenths of the chance. 0 when "70 %" comes true seven times in ten.
         */
        double reliability() {
            double sum = 0;
            for (int b = 0; b < 10; b++) {
                if (binCount[b] > 0) {
                    double gap = binChance[b] / binCount[b] - (double) binReached[b] / binCount[b];
                    sum += binCount[b] * gap * gap;
                }
            }
            return sum / forecasts;
        }

        static Score all(Map<Integer, Score> byHistory) {
            Score all = new Score();
            byHistory.values().forEach(all::merge);
            return all;
        }

        void merge(Score other) {
            forecasts += other.forecasts;
            covered += other.covered;
            brier += other.brier;
            oracleBrier += other.oracleBrier;
            for (int b = 0; b < 10; b++) {
                binCount[b] += other.binCount[b];
                binChance[b] += other.binChance[b];
                binReached[b] += other.binReached[b];
            }
        }
    }

    static final class Scores {
        final Map<Integer, Score> clicks = new TreeMap<>();
        final Map<Integer, Score> conversions = new TreeMap<>();

        Score click(int history) {
            return clicks.computeIfAbsent(history, h -> new Score());
        }

        Score conversion(int history) {
            return conversions.computeIfAbsent(history, h -> new Score());
        }

        /**
         * Coverage within [low, high] for every size of the audience's history, and within [0.85, 0.95] overall.
         * The chance of reaching the target: Brier score below 0.2 overall and below the constant 50 %'s 0.25 for
         * every history; and calibrated — its reliability term below 0.01 overall.
         */
        List<Executable> checks(double low, double high) {
            List<Executable> checks = new ArrayList<>();
            for (var rate : List.of(Map.entry("click rate", clicks), Map.entry("conversion rate", conversions))) {
                rate.getValue().forEach((history, score) -> {
                    String what = rate.getKey() + " after " + history + " campaigns of the audience";
                    checks.add(() -> assertTrue(score.coverage() >= low && score.coverage() <= high,
                            what + ": coverage " + score.coverage()));
                    checks.add(() -> assertTrue(score.brierScore() < 0.25, what + ": Brier " + score.brierScore()));
                });
                Score all = Score.all(rate.getValue());
                checks.add(() -> assertTrue(all.coverage() >= 0.85 && all.coverage() <= 0.95,
                        rate.getKey() + ": coverage " + all.coverage()));
                checks.add(() -> assertTrue(all.brierScore() < 0.2, rate.getKey() + ": Brier " + all.brierScore()));
                checks.add(() -> assertTrue(all.reliability() < 0.01,
                        rate.getKey() + ": reliability " + all.reliability()));
            }
            return checks;
        }

        void print(String scenario) {
            StringBuilder text = new StringBuilder("forecast calibration, " + scenario + "\n"
                    + "audience campaigns | click coverage | click Brier (oracle) [reliability] | conversion coverage"
                    + " | conversion Brier (oracle) [reliability] | n\n");
            Score allClicks = new Score();
            Score allConversions = new Score();
            clicks.forEach((history, click) -> {
                Score conversion = conversions.get(history);
                allClicks.merge(click);
                allConversions.merge(conversion);
                text.append(line(String.valueOf(history), click, conversion));
            });
            text.append(line("all", allClicks, allConversions));
            System.out.print(text);
        }

        private static String line(String history, Score click, Score conversion) {
            return String.format(Locale.ROOT, "%s | %.3f | %.3f (%.3f) [%.4f] | %.3f | %.3f (%.3f) [%.4f] | %d%n",
                    history, click.coverage(), click.brierScore(), click.oracleBrierScore(), click.reliability(),
                    conversion.coverage(), conversion.brierScore(), conversion.oracleBrierScore(),
                    conversion.reliability(), click.forecasts);
        }
    }
}
