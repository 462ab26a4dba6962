package io.mops.simulator.loop;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CampaignBudgetsTest {

    @Test
    void anUntouchedAllocationIsSpentEvenlyOverThePlan() {
        double allocation = 9000;
        double spent = 0;
        for (int t = 0; t < 90; t++) {
            double today = CampaignBudgets.paced(allocation, spent, 90 - t);
            assertEquals(100.0, today, 1e-9, "day " + t);
            spent += today;
        }
        assertEquals(allocation, spent, 1e-6);
    }

    @Test
    void moneyMovedMidPlanChangesTheDailyBudgetByItsShareOfTheDaysLeftAndIsAllSpent() {
        // 9,000 over 90 days: 100 a day. After 60 days 6,000 are spent; 1,500 more are moved in with 30 days left,
        // so the rest (4,500) is spent at 150 a day, not at 9,000/90 + 1,500/90 = 116.67 a day, which would leave
        // 1,000 unspent at the end.
        double spent = 6000;
        double allocation = 10500;
        for (int t = 60; t < 90; t++) {
            double today = CampaignBudgets.paced(allocation, spent, 90 - t);
            assertEquals(150.0, today, 1e-9, "day " + t);
            spent += today;
        }
        assertEquals(allocation, spent, 1e-6);
    }

    @Test
    void anAllocationCutBelowWhatIsSpentSpendsNothingMore() {
        assertEquals(0.0, CampaignBudgets.paced(5000, 6000, 30));
        assertEquals(0.0, CampaignBudgets.paced(6000, 6000, 30));
    }
}
