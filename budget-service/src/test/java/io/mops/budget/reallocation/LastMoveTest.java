package io.mops.budget.reallocation;

import io.mops.budget.money.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LastMoveTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant NINE = Instant.parse("2026-12-07T09:00:00Z");

    private static ChannelShift shift(String channel, String before, String after) {
        return new ChannelShift(channel, Money.of(new java.math.BigDecimal(before), EUR),
                Money.of(new java.math.BigDecimal(after), EUR));
    }

    private static LastMove.Candidate move(String id, ProposalStatus status, int hour, ChannelShift... shifts) {
        return new LastMove.Candidate(UUID.fromString("00000000-0000-0000-0000-00000000000" + id), status,
                NINE.plusSeconds(3600L * hour), List.of(shifts));
    }

    private static String chosen(String channel, LastMove.Candidate... moves) {
        return LastMove.of(channel, List.of(moves)).map(m -> m.id().toString().substring(35)).orElse("none");
    }

    @Test
    void theNewestAppliedMoveThatChangedTheChannelIsTheLastOne() {
        LastMove.Candidate early = move("1", ProposalStatus.APPLIED, 0, shift("search", "3100", "3720"),
                shift("email", "3100", "2480"));
        LastMove.Candidate late = move("2", ProposalStatus.APPLIED, 2, shift("search", "3720", "3500"),
                shift("email", "2480", "2700"));
        LastMove.Candidate otherChannels = move("3", ProposalStatus.APPLIED, 3, shift("social", "1000", "1200"),
                shift("display", "1000", "800"));
        assertEquals("2", chosen("search", early, late, otherChannels));
        assertEquals("2", chosen("email", otherChannels, late, early), "the order given does not matter");
        assertEquals("3", chosen("social", early, late, otherChannels));
    }

    @Test
    void movesNeverAppliedOrNoLongerInForceAreNotTheLastMove() {
        LastMove.Candidate applied = move("1", ProposalStatus.APPLIED, 0, shift("search", "3100", "3720"));
        LastMove.Candidate rolledBack = move("2", ProposalStatus.ROLLED_BACK, 1, shift("search", "3720", "4000"));
        LastMove.Candidate awaiting = move("3", ProposalStatus.AWAITING_APPROVAL, 2, shift("search", "3720", "4400"));
        LastMove.Candidate frozen = move("4", ProposalStatus.FROZEN, 3, shift("search", "3720", "3000"));
        LastMove.Candidate refused = move("5", ProposalStatus.NOT_APPLICABLE, 4, shift("search", "3720", "3000"));
        assertEquals("1", chosen("search", applied, rolledBack, awaiting, frozen, refused));
        assertEquals("none", chosen("search", rolledBack, awaiting, frozen, refused));
    }

    @Test
    void aMoveThatOnlyListsTheChannelWithoutChangingItIsPassedOver() {
        LastMove.Candidate changed = move("1", ProposalStatus.APPLIED, 0, shift("search", "3100", "3720"),
                shift("email", "3100", "2480"));
        LastMove.Candidate keptSearch = move("2", ProposalStatus.APPLIED, 1, shift("search", "3720", "3720"),
                shift("social", "1000", "1200"));
        assertEquals("1", chosen("search", changed, keptSearch));
        assertEquals(Optional.empty(), LastMove.of("video", List.of(changed, keptSearch)));
    }

    @Test
    void ofTwoMovesAppliedAtTheSameInstantTheLargerIdIsTakenWhateverTheOrder() {
        LastMove.Candidate a = move("1", ProposalStatus.APPLIED, 0, shift("search", "3100", "3720"));
        LastMove.Candidate b = move("2", ProposalStatus.APPLIED, 0, shift("search", "3720", "3800"));
        assertEquals("2", chosen("search", a, b));
        assertEquals("2", chosen("search", b, a));
    }
}
