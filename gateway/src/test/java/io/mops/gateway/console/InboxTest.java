package io.mops.gateway.console;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InboxTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private static InboxItem item(String subject, String kind, String channel, String requested, String due) {
        return new InboxItem(UUID.nameUUIDFromBytes(subject.getBytes()), subject, kind, "ref-" + subject, "test",
                null, channel, BigDecimal.TEN, "EUR", "PENDING", "budget-service", Instant.parse(requested),
                due == null ? null : Instant.parse(due), "policy", null);
    }

    private final List<InboxItem> pending = List.of(
            item("no deadline, old", "ReallocationProposal", "search", "2026-12-01T00:00:00Z", null),
            item("due tomorrow", "CampaignLaunch", "email", "2026-12-07T00:00:00Z", "2026-12-08T12:00:00Z"),
            item("overdue", "ReallocationProposal", "social", "2026-12-05T00:00:00Z", "2026-12-07T00:00:00Z"),
            item("no deadline, new", "CampaignLaunch", "email", "2026-12-06T00:00:00Z", null),
            item("due in an hour", "ReallocationProposal", "email", "2026-12-06T12:00:00Z", "2026-12-07T13:00:00Z"));

    @Test
    void soonestDueFirstAndThoseWithoutADeadlineLastOldestFirst() {
        List<String> order = Inbox.of(pending, null, null, NOW).rows().stream().map(r -> r.request().subject()).toList();
        assertEquals(List.of("overdue", "due in an hour", "due tomorrow", "no deadline, old", "no deadline, new"), order);
    }

    @Test
    void eachRowCarriesItsBadge() {
        List<SlaBadge> badges = Inbox.of(pending, null, null, NOW).rows().stream().map(Inbox.Row::badge).toList();
        assertEquals(List.of(SlaBadge.OVERDUE, SlaBadge.DUE_SOON, SlaBadge.ON_TRACK, SlaBadge.NO_DEADLINE,
                SlaBadge.NO_DEADLINE), badges);
    }

    @Test
    void filtersByKindAndChannelTogether() {
        Inbox inbox = Inbox.of(pending, "ReallocationProposal", "email", NOW);
        assertEquals(List.of("due in an hour"), inbox.rows().stream().map(r -> r.request().subject()).toList());
        assertEquals(5, inbox.waiting());
        assertEquals(List.of("email", "search", "social"), inbox.channels());
        assertEquals(List.of("CampaignLaunch", "ReallocationProposal"), inbox.kinds());
    }

    @Test
    void blankFiltersMeanEverything() {
        assertEquals(5, Inbox.of(pending, " ", "", NOW).rows().size());
    }
}
