package io.mops.budget.optimiser;

import io.mops.budget.curve.CurveFit;
import io.mops.budget.curve.ResponseCurve;
import io.mops.budget.curve.SpendResponse;
import io.mops.budget.money.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The optimiser against an independent brute force ({@link BruteForceSplit}) on seeded random three-channel
 * problems with S-shaped and concave Hill curves, minimums, maximums, locked channels and a maximum change per
 * move: its proposal's expected outcome is within 0.1 % of the brute force's best on every one.
 */
class GlobalOptimumTest {

    static final int PROBLEMS = 200;
    static final double TOLERANCE = 0.001;

    enum Family {
        ALL_CONCAVE(0),
        /** Two concave channels and one S-shaped one. */
        MIXED(1),
        ALL_S_SHAPED(3);

        final int sShaped;

        Family(int sShaped) {
            this.sShaped = sShaped;
        }
    }

    /** A problem with the ranges the documented guardrail rules give, computed here on their own. */
    record Problem(Money total, List<ChannelOption> options, Optional<BigDecimal> maxChange,
                   SpendResponse[] responses, double[] low, double[] high) {
    }

    static Money eur(double amount) {
        return Money.of(BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_EVEN), Money.currency("EUR"));
    }

    static Problem random(Family family, SplittableRandom random) {
        while (true) {
            int periods = new int[] {1, 7, 30}[random.nextInt(3)];
            Optional<BigDecimal> maxChange = random.nextDouble() < 0.4
                    ? Optional.of(new BigDecimal(new String[] {"0.1", "0.2", "0.3", "0.5"}[random.nextInt(4)]))
                    : Optional.empty();
            List<ChannelOption> options = new ArrayList<>();
            SpendResponse[] responses = new SpendResponse[3];
            double currentSum = 0;
            for (int i = 0; i < 3; i++) {
                boolean sShaped = i >= 3 - family.sShaped;
                double decay = random.nextDouble(0, 0.7);
                ResponseCurve curve = new ResponseCurve(decay, random.nextDouble(2_000, 20_000),
                        random.nextDouble(300, 4_000), sShaped ? random.nextDouble(1.5, 4) : random.nextDouble(0.5, 1));
                responses[i] = new CurveFit(curve, 1, 0, 52, new double[4][4]).overPeriods(periods);
                Money current = eur(periods * random.nextDouble(100, 4_000));
                currentSum += current.amount().doubleValue();
                ChannelOption option = ChannelOption.unconstrained("channel-" + i, responses[i], current);
                double roll = random.nextDouble();
                if (roll < 0.15) {
                    option = option.lockedAtCurrent();
                } else if (roll < 0.55) {
                    Money minimum = random.nextBoolean() ? eur(current.amount().doubleValue() * random.nextDouble(0, 0.8))
                            : Money.zero(current.currency());
                    Optional<Money> maximum = random.nextBoolean()
                            ? Optional.of(eur(current.amount().doubleValue() * random.nextDouble(1.1, 2.5)))
                            : Optional.empty();
                    option = new ChannelOption(option.channel(), responses[i], current, minimum, maximum, false);
                }
                options.add(option);
            }
            Money total = random.nextBoolean() ? eur(currentSum) : eur(currentSum * random.nextDouble(0.7, 1.3));
            double[] low = new double[3];
            double[] high = new double[3];
            for (int i = 0; i < 3; i++) {
                ChannelOption o = options.get(i);
                double current = o.current().amount().doubleValue();
                if (o.locked()) {
                    low[i] = current;
                    high[i] = current;
                    continue;
                }
                low[i] = o.minimum().amount().doubleValue();
                high[i] = o.maximum().map(m -> m.amount().doubleValue()).orElse(total.amount().doubleValue());
                if (maxChange.isPresent()) {
                    BigDecimal delta = maxChange.get();
                    BigDecimal cut = o.current().amount().multiply(BigDecimal.ONE.subtract(delta));
                    BigDecimal raise = o.current().amount().multiply(BigDecimal.ONE.add(delta));
                    low[i] = Math.max(low[i], cut.setScale(2, RoundingMode.CEILING).doubleValue());
                    high[i] = Math.min(high[i], raise.setScale(2, RoundingMode.FLOOR).doubleValue());
                }
            }
            double t = total.amount().doubleValue();
            if (low[0] + low[1] + low[2] <= t && high[0] + high[1] + high[2] >= t
                    && low[0] <= high[0] && low[1] <= high[1] && low[2] <= high[2]) {
                return new Problem(total, options, maxChange, responses, low, high);
            }
        }
    }

    static double outcome(SpendResponse[] responses, double[] spend) {
        double sum = 0;
        for (int i = 0; i < spend.length; i++) {
            sum += responses[i].outcome(spend[i]);
        }
        return sum;
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void theProposalReachesTheBruteForceOptimum(Family family) {
        SplittableRandom random = new SplittableRandom(2026 + family.ordinal());
        for (int p = 0; p < PROBLEMS; p++) {
            Problem problem = random(family, random);
            Reallocation proposal = new BudgetOptimiser(problem.maxChange()).optimise(problem.total(), problem.options());

            double[] spend = proposal.moves().stream().mapToDouble(m -> m.spendAfter().amount().doubleValue()).toArray();
            assertEquals(problem.total(), Money.sum(proposal.moves().stream().map(ChannelMove::spendAfter).toList(),
                    problem.total().currency()), "problem " + p + " spends the total");
            for (int i = 0; i < 3; i++) {
                assertTrue(spend[i] >= problem.low()[i] - 1e-9 && spend[i] <= problem.high()[i] + 1e-9,
                        "problem " + p + ", channel " + i + " within its range");
            }
            BruteForceSplit bruteForce = new BruteForceSplit(problem.responses(), problem.low(), problem.high(),
                    problem.total().amount().doubleValue());
            double best = outcome(problem.responses(), bruteForce.best());
            double achieved = outcome(problem.responses(), spend);
            assertTrue(achieved >= best * (1 - TOLERANCE), String.format(
                    "problem %d: %.2f is %.4f %% short of the brute force's %.2f", p, achieved,
                    100 * (best - achieved) / best, best));
        }
    }

    /**
     * The case of issue 11, reconstructed: three S-shaped daily curves fitted so that the true optimum of 36,663 with
     * minimums of 2,052 (search) and 1,090 (video) is the one reported there, [2,052 / 9,523 / 25,088], and that the
     * previous optimiser, run on them, repeats its mistake: the bisection's jump left video at its minimum and its
     * leftover of 20,593 went in one lump to search. (The previous optimiser's split is written down here from
     * running it; the brute force, not that split, is what the new one is held to.)
     */
    @org.junit.jupiter.api.Test
    void theIssuesCaseGetsTheOptimumThePreviousOptimiserMissed() {
        SpendResponse search = daily(new ResponseCurve(0, 9_330, 7_050, 1.67));
        SpendResponse social = daily(new ResponseCurve(0, 31_200, 7_900, 1.49));
        SpendResponse video = daily(new ResponseCurve(0, 47_500, 32_300, 2.88));
        SpendResponse[] responses = {search, social, video};
        Money total = eur(36_663);
        List<ChannelOption> options = List.of(
                new ChannelOption("search", search, eur(12_221), eur(2_052), Optional.empty(), false),
                new ChannelOption("social", social, eur(12_221), eur(0), Optional.empty(), false),
                new ChannelOption("video", video, eur(12_221), eur(1_090), Optional.empty(), false));

        Reallocation proposal = new BudgetOptimiser(Optional.empty()).optimise(total, options);

        double[] best = new BruteForceSplit(responses, new double[] {2_052, 0, 1_090},
                new double[] {36_663, 36_663, 36_663}, 36_663).best();
        double[] spend = proposal.moves().stream().mapToDouble(m -> m.spendAfter().amount().doubleValue()).toArray();
        double bestOutcome = outcome(responses, best);
        assertTrue(outcome(responses, spend) >= bestOutcome * (1 - TOLERANCE));
        assertEquals(2_052, best[0], 1, "the optimum leaves search at its minimum");
        assertTrue(best[2] > 25_000, "and gives video most of the total");
        for (int i = 0; i < 3; i++) {
            assertEquals(best[i], spend[i], 0.01 * total.amount().doubleValue(), proposal.moves().get(i).channel());
        }
        double previous = outcome(responses, new double[] {22_645.13, 12_927.87, 1_090});
        assertTrue(previous < 0.9 * bestOutcome, "the previous optimiser fell more than 10 % short");
        assertTrue(proposal.expectedOutcomeChange() > 0, "its own curves expect the move to gain");
        assertTrue(previous < proposal.expectedOutcomeBefore(), "the previous split was worse than not moving at all");
    }

    private static SpendResponse daily(ResponseCurve curve) {
        return new CurveFit(curve, 1, 0, 52, new double[4][4]).overPeriods(1);
    }
}
