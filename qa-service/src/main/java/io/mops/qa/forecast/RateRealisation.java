package io.mops.qa.forecast;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a campaign's recorded results say about the rates QA forecast for it: the realised click rate is its clicks
 * over its exposures, the realised conversion rate its conversions over its clicks — the very rates the forecast is
 * a forecast of ({@link RateForecast}: "the rate this one campaign will report").
 *
 * <p>A campaign may go through QA several times before it launches; every run's forecast is kept, but only the
 * newest one before the results (per rate) is what the campaign launched with, and only it counts in the
 * calibration. Counting every rerun would weigh a campaign by how often it was resubmitted.
 */
public final class RateRealisation {

    private RateRealisation() {
    }

    /** The two rates QA forecasts, each over its own trials. */
    public enum Rate {
        CLICK_RATE("click rate", "clicks", "exposures"),
        CONVERSION_RATE("conversion rate", "conversions", "clicks");

        private final String words;
        private final String successes;
        private final String trials;

        Rate(String words, String successes, String trials) {
            this.words = words;
            this.successes = successes;
            this.trials = trials;
        }

        public String words() {
            return words;
        }

        public String trials() {
            return trials;
        }
    }

    /** One forecast rate as the track record keeps it. */
    public record ForecastRate(UUID id, Rate rate, String channel, Instant forecastAt, double expected,
                               long plannedTrials) {
    }

    /** A finished campaign's recorded counts. */
    public record Result(String channel, long exposures, long clicks, long conversions) {
    }

    /** What the results say about one forecast rate. */
    public sealed interface Outcome permits Realised, Unmeasurable {
    }

    /**
     * @param rate   successes over trials
     * @param trials the trials the rate was measured over (the forecast's interval was for its planned trials)
     * @param basis  the counts in words
     */
    public record Realised(double rate, long trials, String basis) implements Outcome {
    }

    public record Unmeasurable(String why) implements Outcome {
    }

    public static Outcome realise(ForecastRate forecast, Result result) {
        if (!forecast.channel().equals(result.channel())) {
            return new Unmeasurable("the campaign's results were recorded for channel '" + result.channel()
                    + "', the forecast was for channel '" + forecast.channel() + "'");
        }
        long successes = forecast.rate() == Rate.CLICK_RATE ? result.clicks() : result.conversions();
        long trials = forecast.rate() == Rate.CLICK_RATE ? result.exposures() : result.clicks();
        if (trials == 0) {
            return new Unmeasurable("the campaign reported no " + forecast.rate().trials + ", so it has no "
                    + forecast.rate().words);
        }
        String basis = String.format(Locale.ROOT, "%,d %s of %,d %s (the forecast was for %,d)", successes,
                forecast.rate().successes, trials, forecast.rate().trials, forecast.plannedTrials());
        return new Realised((double) successes / trials, trials, basis);
    }

    /**
     * The forecasts of one campaign that a later one of the same rate replaced: all but the newest per rate (by
     * time, then id, so that the answer never depends on the order they are given in).
     */
    public static Set<UUID> superseded(List<ForecastRate> ofCampaign) {
        Map<Rate, List<ForecastRate>> byRate = ofCampaign.stream()
                .collect(Collectors.groupingBy(ForecastRate::rate));
        Set<UUID> superseded = new HashSet<>();
        Comparator<ForecastRate> newestFirst = Comparator.comparing(ForecastRate::forecastAt)
                .thenComparing(ForecastRate::id).reversed();
        for (List<ForecastRate> forecasts : byRate.values()) {
            forecasts.stream().sorted(newestFirst).skip(1).map(ForecastRate::id).forEach(superseded::add);
        }
        return superseded;
    }
}
