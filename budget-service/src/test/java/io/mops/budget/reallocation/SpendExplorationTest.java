package io.mops.budget.reallocation;

import io.mops.budget.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpendExplorationTest {

    private static final SpendExploration.Limits HALF = new SpendExploration.Limits(0.5, 0.25, 4);

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static Map<String, Money> plan(String... channelAndAmount) {
        Map<String, Money> plan = new LinkedHashMap<>();
        for (int i = 0; i < channelAndAmount.length; i += 2) {
            plan.put(channelAndAmount[i], eur(channelAndAmount[i + 1]));
        }
        return plan;
    }

    @Test
    void threeHeldChannelsAlternateInTwoGroupsOfEqualMoneyAndReturnToWhereTheyStarted() {
        // search 20 %, social 50 %, display 30 %: social alone against search and display, 50 % each way.
        Map<String, Money> plan = plan("search", "108000.00", "social", "270000.00", "display", "162000.00");
        SpendExploration exploration = SpendExploration.design(plan, Map.of(), Set.of("search", "social", "display"),
                eur("540000.00"), HALF).orElseThrow();

        // Hand-computed: half of the smaller group's 270,000 is at stake, each side split by allocation.
        assertEquals(eur("135000.00"), abs(exploration.swing().get("social")));
        assertEquals(eur("54000.00"), abs(exploration.swing().get("search")));
        assertEquals(eur("81000.00"), abs(exploration.swing().get("display")));
        assertEquals(exploration.swing().get("search").isNegative(), exploration.swing().get("display").isNegative());
        assertFalse(exploration.swing().get("search").isNegative() == exploration.swing().get("social").isNegative());
        assertEquals(eur("135000.00"), exploration.atStake());
        assertEquals(5, exploration.steps());

        int[] signs = {1, -1, 1, -1, 0};
        for (int step = 1; step <= exploration.steps(); step++) {
            assertEquals(signs[step - 1], exploration.sign(step));
            Map<String, Money> at = exploration.allocationsAt(step);
            assertEquals(eur("540000.00"), Money.sum(at.values(), eur("0").currency()), "the total never moves");
            for (String channel : plan.keySet()) {
                BigDecimal share = at.get(channel).amount().divide(plan.get(channel).amount(), 6,
                        java.math.RoundingMode.HALF_EVEN);
                assertEquals(1 + 0.5 * signs[step - 1] * (exploration.swing().get(channel).isNegative() ? -1 : 1),
                        share.doubleValue(), 1e-6, channel + " at step " + step);
            }
            BudgetMove move = exploration.move(step, eur("540000.00"));
            assertTrue(move.startsFrom(step == 1 ? plan : exploration.allocationsAt(step - 1)));
            assertEquals(at, move.allocationsAfter());
        }
        assertEquals(plan, exploration.allocationsAt(exploration.steps()), "back where it started");
    }

    @Test
    void aSingleHeldChannelIsSetAgainstAllTheOthersAndTheShareOfTheTotalAtStakeIsCapped() {
        Map<String, Money> plan = plan("search", "300000.00", "social", "100000.00", "display", "100000.00");
        SpendExploration exploration = SpendExploration.design(plan, Map.of(), Set.of("search"), eur("500000.00"),
                new SpendExploration.Limits(0.5, 0.1, 2)).orElseThrow();
        // 50 % of search would be 150,000; a tenth of the total is the cap.
        assertEquals(eur("50000.00"), exploration.swing().get("search"));
        assertEquals(eur("-25000.00"), exploration.swing().get("social"));
        assertEquals(eur("-25000.00"), exploration.swing().get("display"));
        assertEquals(java.util.List.of("search"), exploration.explored());
        assertEquals(3, exploration.steps());
    }

    @Test
    void noChannelIsEverTakenBelowWhatItsCampaignsHold() {
        Map<String, Money> plan = plan("search", "1000.00", "social", "1000.00");
        SpendExploration exploration = SpendExploration.design(plan, Map.of("social", eur("900.00")),
                Set.of("search", "social"), eur("2000.00"), HALF).orElseThrow();
        assertEquals(eur("100.00"), abs(exploration.swing().get("social")));
        for (int step = 1; step <= exploration.steps(); step++) {
            assertFalse(exploration.allocationsAt(step).get("social").isLessThan(eur("900.00")));
        }
        assertTrue(SpendExploration.design(plan, Map.of("social", eur("1000.00")), Set.of("search", "social"),
                eur("2000.00"), HALF).isEmpty(), "no room at all: no exploration");
    }

    @Test
    void nothingToExploreWithoutMoneyOrWithoutACounterpart() {
        assertTrue(SpendExploration.design(plan("search", "0.00", "social", "500.00"), Map.of(), Set.of("search"),
                eur("500.00"), HALF).isEmpty(), "a channel without money cannot be varied by a share of it");
        assertTrue(SpendExploration.design(plan("search", "500.00"), Map.of(), Set.of("search"), eur("500.00"), HALF)
                .isEmpty(), "nothing to set a lone channel against");
    }

    @Test
    void randomPlansKeepTheTotalTheBoundsAndTheFloorsAtEveryStep() {
        Random random = new Random(7);
        for (int problem = 0; problem < 500; problem++) {
            Map<String, Money> plan = new LinkedHashMap<>();
            Map<String, Money> floors = new LinkedHashMap<>();
            int channels = 2 + random.nextInt(5);
            for (int c = 0; c < channels; c++) {
                long cents = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(10_000_000);
                Money allocation = Money.of(BigDecimal.valueOf(cents, 2), eur("0").currency());
                plan.put("ch" + c, allocation);
                floors.put("ch" + c, Money.of(BigDecimal.valueOf((long) (cents * random.nextDouble() * 0.8), 2),
                        eur("0").currency()));
            }
            Money total = Money.sum(plan.values(), eur("0").currency()).plus(eur("1000.00"));
            Set<String> held = new java.util.TreeSet<>();
            plan.keySet().forEach(c -> {
                if (random.nextBoolean()) {
                    held.add(c);
                }
            });
            double amplitude = 0.1 + 0.8 * random.nextDouble();
            double share = 0.05 + 0.9 * random.nextDouble();
            var design = SpendExploration.design(plan, floors, held, total,
                    new SpendExploration.Limits(amplitude, share, 1 + random.nextInt(5)));
            if (design.isEmpty()) {
                continue;
            }
            SpendExploration exploration = design.get();
            assertTrue(exploration.atStake().amount().doubleValue() <= share * total.amount().doubleValue() + 0.01);
            for (int step = 1; step <= exploration.steps(); step++) {
                Map<String, Money> at = exploration.allocationsAt(step);
                assertEquals(Money.sum(exploration.base().values(), eur("0").currency()),
                        Money.sum(at.values(), eur("0").currency()), "problem " + problem);
                for (String channel : at.keySet()) {
                    assertFalse(at.get(channel).isLessThan(floors.get(channel)), "problem " + problem + " " + channel);
                    // A cent of rounding may go to the largest channel of the cut side.
                    assertTrue(abs(exploration.swing().get(channel)).amount().doubleValue()
                            <= amplitude * plan.get(channel).amount().doubleValue() + 0.01 * channels,
                            "problem " + problem + " " + channel);
                }
            }
        }
    }

    private static Money abs(Money money) {
        return money.isNegative() ? Money.zero(money.currency()).minus(money) : money;
    }
}
