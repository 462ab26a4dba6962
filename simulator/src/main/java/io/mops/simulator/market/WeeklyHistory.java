package io.mops.simulator.market;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.simple.RandomSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A history of weekly spend with a known response, built so that the quantity budget-service fits its curves on —
 * attribution's credited value per channel and ISO week — has a well-defined true value: the value the channel's
 * spend really caused that week.
 *
 * <p>The truth is weekly: a channel's adstock carries {@code decay} of itself from one week to the next
 * ({@code A_w = spend_w + decay · A_{w−1}}, starting at zero), and the week's caused conversions are Poisson with mean
 * {@link TrueResponse#response(double)} of that adstock — the channel's {@code adstock-hill} response read per week:
 * {@code maxResponse} conversions per week at saturation, {@code halfSaturation} in adstocked spend per week. Every
 * conversion is worth exactly the channel's mean conversion value (its sd is not used), so credited value is
 * conversions × value with no second source of noise.
 *
 * <p>Why the journeys look as they do: attribution credits journeys, and on journeys that mix channels or on organic
 * conversions its credit is an estimate of incremental contribution, not the contribution itself. Here every caused
 * conversion belongs to a customer of its own with exactly one touchpoint, of the channel that caused it, earlier on
 * the same day; there are no organic conversions. Then every model — markov-1's removal effect as much as last-touch —
 * credits each channel with exactly the conversions it caused, and a curve fitted on the credit can be judged against
 * the market's curve rather than against an attribution model's view of it.
 *
 * <p>Spend varies enough to identify the curves: each channel spends, in a seeded order of its own, each of
 * {@code weeks} levels evenly spaced from 20 % to 200 % of its base weekly spend once, spread evenly over the week's
 * seven days (to the cent; the last day takes the rounding).
 */
public final class WeeklyHistory {

    /** Lowest and highest weekly spend, as shares of the channel's base. */
    public static final double LOWEST_LEVEL = 0.2;
    public static final double HIGHEST_LEVEL = 2.0;

    private final List<ChannelSpec> channels;
    private final List<TrueResponse> responses;
    private final LocalDate firstMonday;
    private final int weeks;
    private final long[][] dailySpendCents;
    private final double[][] expected;
    private final int[][] caused;
    private final List<List<CustomerJourneys.Touch>> touches = new ArrayList<>();
    private final List<List<CustomerJourneys.Purchase>> purchases = new ArrayList<>();

    public WeeklyHistory(List<ChannelSpec> channels, double[] baseWeeklySpend, LocalDate firstMonday, int weeks,
                         long seed) {
        if (firstMonday.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("the history starts on a Monday, not " + firstMonday.getDayOfWeek());
        }
        if (weeks < 2 || baseWeeklySpend.length != channels.size()) {
            throw new IllegalArgumentException("needs at least two weeks and one base spend per channel");
        }
        this.channels = List.copyOf(channels);
        this.responses = channels.stream().map(TrueResponse::new).toList();
        this.firstMonday = firstMonday;
        this.weeks = weeks;
        int k = channels.size();
        this.dailySpendCents = new long[weeks * 7][k];
        this.expected = new double[weeks][k];
        this.caused = new int[weeks][k];
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        for (int c = 0; c < k; c++) {
            int[] order = PermutationSampler.natural(weeks);
            PermutationSampler.shuffle(rng, order);
            for (int w = 0; w < weeks; w++) {
                double level = LOWEST_LEVEL + (HIGHEST_LEVEL - LOWEST_LEVEL) * order[w] / (weeks - 1);
                long weekCents = Math.round(baseWeeklySpend[c] * level * 100);
                long dayCents = weekCents / 7;
                for (int d = 0; d < 7; d++) {
                    dailySpendCents[w * 7 + d][c] = d < 6 ? dayCents : weekCents - 6 * dayCents;
                }
            }
        }
        for (int c = 0; c < k; c++) {
            double adstock = 0;
            for (int w = 0; w < weeks; w++) {
                adstock = weeklySpend(w, c) + responses.get(c).decay() * adstock;
                expected[w][c] = responses.get(c).response(adstock);
            }
        }
        for (int w = 0; w < weeks; w++) {
            List<CustomerJourneys.Touch> weekTouches = new ArrayList<>();
            List<CustomerJourneys.Purchase> weekPurchases = new ArrayList<>();
            Instant monday = firstMonday.plusWeeks(w).atStartOfDay().toInstant(ZoneOffset.UTC);
            for (int c = 0; c < k; c++) {
                ChannelSpec channel = channels.get(c);
                int n = expected[w][c] <= 0 ? 0 : PoissonSampler.of(rng, expected[w][c]).sample();
                caused[w][c] = n;
                for (int i = 0; i < n; i++) {
                    String user = "curve-" + seed + "-" + channel.name() + "-" + w + "-" + i;
                    // the touch on one of the week's days, the purchase within the hour after it: same day, same week
                    Instant touched = monday.plusSeconds(rng.nextInt(7) * 86_400L + rng.nextInt(86_400 - 3_600));
                    weekTouches.add(new CustomerJourneys.Touch(user, touched, channel.name(),
                            channel.costPerTouchpoint()));
                    weekPurchases.add(new CustomerJourneys.Purchase(user, touched.plusSeconds(1 + rng.nextInt(3_599)),
                            channel.conversionValue().mean()));
                }
            }
            touches.add(weekTouches);
            purchases.add(weekPurchases);
        }
    }

    public int weeks() {
        return weeks;
    }

    public int channels() {
        return channels.size();
    }

    public String channel(int c) {
        return channels.get(c).name();
    }

    public LocalDate monday(int week) {
        return firstMonday.plusWeeks(week);
    }

    /** What channel {@code c} spent on day {@code day} (0-based from the first Monday), to the cent. */
    public double dailySpend(int day, int c) {
        return dailySpendCents[day][c] / 100.0;
    }

    public double weeklySpend(int week, int c) {
        long cents = 0;
        for (int d = 0; d < 7; d++) {
            cents += dailySpendCents[week * 7 + d][c];
        }
        return cents / 100.0;
    }

    public double totalSpend(int c) {
        double sum = 0;
        for (int w = 0; w < weeks; w++) {
            sum += weeklySpend(w, c);
        }
        return sum;
    }

    /** Expected caused conversions of channel {@code c} in week {@code w} (the truth, before the draw). */
    public double expectedConversions(int w, int c) {
        return expected[w][c];
    }

    /** Conversions channel {@code c} caused in week {@code w} (drawn; each is one journey reported to MOPS). */
    public int causedConversions(int w, int c) {
        return caused[w][c];
    }

    public double valuePerConversion(int c) {
        return channels.get(c).conversionValue().mean();
    }

    public List<CustomerJourneys.Touch> touches(int week) {
        return touches.get(week);
    }

    public List<CustomerJourneys.Purchase> purchases(int week) {
        return purchases.get(week);
    }

    /**
     * True expected value per week when channel {@code c} spends {@code weeklySpend} every week (adstock settled at
     * {@code weeklySpend / (1 − decay)}): the steady state budget-service's optimiser plans with.
     */
    public double trueSteadyWeeklyValue(int c, double weeklySpend) {
        TrueResponse r = responses.get(c);
        return valuePerConversion(c) * r.response(weeklySpend / (1 - r.decay()));
    }
}
