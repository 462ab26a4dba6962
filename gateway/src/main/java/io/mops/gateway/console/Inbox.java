package io.mops.gateway.console;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * An approver's inbox as the console shows it: the requests approval-service says wait for the caller (their own
 * seats, their groups' and the seats delegated to them), narrowed to a kind and a channel when asked, soonest due
 * first; requests without a deadline last, oldest first.
 */
public record Inbox(List<Row> rows, List<String> kinds, List<String> channels, String kind, String channel,
                    int waiting) {

    public record Row(InboxItem request, SlaBadge badge, Duration age) {
    }

    static final Comparator<InboxItem> BY_DUE_TIME = Comparator
            .comparing(InboxItem::expiresAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(InboxItem::requestedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(InboxItem::id);

    public static Inbox of(List<InboxItem> pending, String kind, String channel, Instant now) {
        String wantedKind = blankToNull(kind);
        String wantedChannel = blankToNull(channel);
        List<Row> rows = pending.stream()
                .filter(r -> wantedKind == null || wantedKind.equals(r.kind()))
                .filter(r -> wantedChannel == null || wantedChannel.equals(r.channel()))
                .sorted(BY_DUE_TIME)
                .map(r -> new Row(r, SlaBadge.of(now, r.requestedAt(), r.expiresAt()),
                        r.requestedAt() == null ? Duration.ZERO : Duration.between(r.requestedAt(), now)))
                .toList();
        List<String> kinds = List.copyOf(pending.stream().map(InboxItem::kind).filter(Objects::nonNull)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        List<String> channels = List.copyOf(pending.stream().map(InboxItem::channel).filter(Objects::nonNull)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        return new Inbox(rows, kinds, channels, wantedKind, wantedChannel, pending.size());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
