package io.mops.budget.reallocation;

import io.mops.budget.budgets.ProposalView;
import io.mops.budget.optimiser.ChannelMove;
import org.junit.jupiter.api.Test;

import io.mops.common.events.ChannelPerformanceUpdated.PeriodKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProposalExplanationTest {

    private static ProposalView.Move kept(String channel) {
        return new ProposalView.Move(channel, new BigDecimal("1000.00"), new BigDecimal("1000.00"), BigDecimal.ZERO,
                BigDecimal.ZERO,
                1.2, 1.2, 5000, 5000, 0, 0, ChannelMove.Limit.KEPT,
                new ProposalView.Curve(0.3, 6000, 1500, 1.4, 0.98, 12.5, 104, 0.08, 0.21, 31 / 7.0),
                new ProposalView.Evidence("markov-1", PeriodKind.WEEK, LocalDate.parse("2024-12-02"),
                        LocalDate.parse("2026-11-23"), 104, 0), null);
    }

    @Test
    void anApproverReadsWhyNothingMovesAndWhyAChannelIsHeld() {
        ProposalView view = new ProposalView(UUID.randomUUID(), 3, "EUR", new BigDecimal("1000.00"), 5000, 5000, 0, 40,
                "the best split's expected gain +12.30 is less than 1 standard error(s) of 40.00, too uncertain to "
                        + "move money on; the current split is kept",
                List.of(kept("search")),
                List.of(new ProposalView.Held("video", new BigDecimal("31000.00"),
                        "the data do not pin down its response curve: how fast its marginal return falls …")));

        String text = ProposalExplanation.of(view);

        assertTrue(text.contains("No move: the best split's expected gain +12.30 is less than 1 standard error"), text);
        assertTrue(text.contains("limit KEPT"), text);
        assertTrue(text.contains("over 104 periods (markov-1 weeks 2024-12-02 to 2026-11-29)"), text);
        assertTrue(text.contains("marginal return known to ±8 % of the average return, its fall to ±21 %"), text);
        assertTrue(text.contains("video: held at 31000.00 EUR (the data do not pin down its response curve"), text);
    }

    @Test
    void aMoveSaysNothingAboutKeepingTheSplit() {
        ProposalView view = new ProposalView(UUID.randomUUID(), 3, "EUR", new BigDecimal("1000.00"), 5000, 5100, 100,
                10, null, List.of(kept("search")), List.of());
        assertFalse(ProposalExplanation.of(view).contains("No move"));
        assertTrue(ProposalExplanation.of(view).startsWith("Expected attributed value +100.00"));
    }
}
