package io.mops.simulator.market;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.LogNormalDistribution;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The market's customers: touchpoints that the spend buys, conversions the channels really cause, and organic
 * conversions nobody caused. What reaches MOPS is exactly this data — the incremental truth behind it
 * ({@link #causedConversions}) is kept for the report and never sent.
 *
 * <p>Touchpoints per channel and day are Poisson with mean spend / cost per touchpoint, each from a customer drawn
 * from the population. Caused conversions are Poisson with the true response's mean, each from a customer the
 * channel touched that day, after a geometric delay; organic conversions come from any customer. A customer may
 * therefore have touchpoints from several channels, and organic converters often have touchpoints too: the
 * attribution problem as it really is.
 */
public final class CustomerJourneys {

    /** A touchpoint as a channel integration would report it. */
    public record Touch(String userId, Instant at, String channel, double cost) {
    }

    /** A conversion as the shop would report it. */
    public record Purchase(String userId, Instant at, double value) {
    }

    /** What reaches MOPS for one day. */
    public record Day(List<Touch> touches, List<Purchase> purchases) {
    }

    private final Market market;
    private final UniformRandomProvider rng;
    private final Map<Integer, List<Purchase>> delayed = new TreeMap<>();
    private final double[][] caused;
    private final LogNormalDistribution[] values;

    public CustomerJourneys(Market market, long seed) {
        this.market = market;
        this.rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        this.caused = new double[market.spec().days()][market.channels()];
        this.values = new LogNormalDistribution[market.channels()];
        for (int c = 0; c < market.channels(); c++) {
            ChannelSpec.ValueSpec v = market.spec().channels().get(c).conversionValue();
            // lognormal with the given mean m and sd s: σ² = ln(1 + s²/m²), μ = ln m − σ²/2
            double sigma2 = Math.log1p(v.sd() * v.sd() / (v.mean() * v.mean()));
            values[c] = LogNormalDistribution.of(Math.log(v.mean()) - sigma2 / 2, Math.sqrt(Math.max(sigma2, 1e-12)));
        }
    }

    /**
     * The day's data, given what each channel really spent and the expected caused conversions of the day (from
     * {@link Market#evaluate} for the spend path so far).
     */
    public Day day(int day, double[] spent, double[] expectedCaused) {
        LocalDate date = market.date(day);
        Instant midnight = date.atStartOfDay().toInstant(ZoneOffset.UTC);
        List<Touch> touches = new ArrayList<>();
        List<Purchase> purchases = new ArrayList<>(delayed.getOrDefault(day, List.of()));
        delayed.remove(day);
        int users = market.spec().users();
        for (int c = 0; c < market.channels(); c++) {
            ChannelSpec channel = market.spec().channels().get(c);
            boolean tracked = market.trackingWorks(day, c);
            int n = poisson(spent[c] / channel.costPerTouchpoint());
            List<Touch> ofChannel = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ofChannel.add(new Touch(user(rng.nextInt(users)), midnight.plusSeconds(rng.nextInt(86_400)),
                        channel.name(), channel.costPerTouchpoint()));
            }
            if (tracked) {
                touches.addAll(ofChannel);
            }
            int conversions = ofChannel.isEmpty() ? 0 : poisson(expectedCaused[c]);
            caused[day][c] = conversions;
            for (int i = 0; i < conversions; i++) {
                Touch by = ofChannel.get(rng.nextInt(ofChannel.size()));
                int lag = geometricDays(channel.delay());
                Instant at = by.at().plusSeconds(lag * 86_400L + rng.nextInt(3_600));
                Purchase purchase = new Purchase(by.userId(), at, values[c].inverseCumulativeProbability(rng.nextDouble()));
                int when = day + (int) ((at.getEpochSecond() - midnight.getEpochSecond()) / 86_400);
                if (!tracked) {
                    continue; // the conversion happened; the broken tag did not report it
                }
                if (when <= day) {
                    purchases.add(purchase);
                } else {
                    delayed.computeIfAbsent(when, d -> new ArrayList<>()).add(purchase);
                }
            }
        }
        int organic = poisson(market.spec().baselineConversionsPerDay());
        for (int i = 0; i < organic; i++) {
            int c = rng.nextInt(market.channels());
            purchases.add(new Purchase(user(rng.nextInt(users)), midnight.plusSeconds(rng.nextInt(86_400)),
                    values[c].inverseCumulativeProbability(rng.nextDouble())));
        }
        return new Day(touches, purchases);
    }

    /** Conversions each channel really caused on each day (the truth attribution is judged against). */
    public double[][] causedConversions() {
        return caused;
    }

    public static String user(int index) {
        return "sim-customer-" + index;
    }

    private int poisson(double mean) {
        return mean <= 0 ? 0 : PoissonSampler.of(rng, mean).sample();
    }

    private int geometricDays(double mean) {
        if (mean <= 0) {
            return 0;
        }
        double p = 1 / (1 + mean); // mean of a geometric on {0, 1, …} is (1 − p) / p
        int k = 0;
        while (rng.nextDouble() > p && k < 60) {
            k++;
        }
        return k;
    }
}
