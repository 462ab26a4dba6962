package io.mops.budget.reallocation;

import io.mops.budget.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BudgetMoveTest {

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private final BudgetMove move = new BudgetMove(eur("10000"), List.of(
            new ChannelShift("search", eur("3000"), eur("3600")),
            new ChannelShift("social", eur("3000"), eur("2700")),
            new ChannelShift("email", eur("2000"), eur("1700")),
            new ChannelShift("video", eur("1000"), eur("1000"))));

    @Test
    void theAmountMovedIsWhatTheGainingChannelsReceive() {
        assertEquals(eur("600"), move.amountMoved());
        assertEquals(0, new BigDecimal("6").compareTo(move.percentOfTotal()));
    }

    @Test
    void handingOutUnallocatedMoneyCountsTheLargerSide() {
        BudgetMove fromUnallocated = new BudgetMove(eur("10000"), List.of(
                new ChannelShift("search", eur("3000"), eur("3500")),
                new ChannelShift("social", eur("3000"), eur("2900"))));
        assertEquals(eur("500"), fromUnallocated.amountMoved());
    }

    @Test
    void aMoveStartsFromTheAllocationsItWasComputedOn() {
        assertTrue(move.startsFrom(Map.of("search", eur("3000"), "social", eur("3000"), "email", eur("2000"),
                "video", eur("1000"), "tv", eur("500"))));
        assertFalse(move.startsFrom(Map.of("search", eur("3100"), "social", eur("3000"), "email", eur("2000"),
                "video", eur("1000"))), "search changed since");
        assertFalse(move.startsFrom(Map.of("search", eur("3000"), "social", eur("3000"), "email", eur("2000"))),
                "video is gone");
    }

    @Test
    void aMoveIsUndoableOnlyWhileEveryChannelItTouchedHoldsWhatItLeft() {
        Map<String, Money> rightAfter = Map.of("search", eur("3600"), "social", eur("2700"), "email", eur("1700"),
                "video", eur("1000"), "tv", eur("800"));
        assertTrue(move.isUndoable(rightAfter), "a channel the move did not list may have changed");
        assertFalse(move.isUndoable(Map.of("search", eur("3600"), "social", eur("2600"), "email", eur("1700"),
                "video", eur("1000"))), "social changed since");
    }

    @Test
    void undoingRestoresTheAllocationsBefore() {
        assertEquals(Map.of("search", eur("3000"), "social", eur("3000"), "email", eur("2000"), "video", eur("1000")),
                move.allocationsBefore());
        assertEquals(eur("3600"), move.allocationsAfter().get("search"));
    }

    @Test
    void aMoveThatChangesNothingMovesNothing() {
        BudgetMove still = new BudgetMove(eur("100"), List.of(new ChannelShift("search", eur("50"), eur("50"))));
        assertFalse(still.movesAnything());
        assertEquals(eur("0"), still.amountMoved());
    }

    @Test
    void aMoveInAnotherCurrencyThanThePlanIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BudgetMove(eur("100"),
                List.of(new ChannelShift("search", Money.of("50", "USD"), Money.of("60", "USD")))));
    }
}
