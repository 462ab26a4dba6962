package io.mops.attribution.ingest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IngestInboxTest {

    @Test
    void oneStatementInsertsEveryColumnFromItsOwnArrayAndSkipsKnownEventIds() {
        IngestInbox.Table table = new IngestInbox.Table("channel_spend", List.of(
                new IngestInbox.Column<StoredSpend>("channel", "varchar", s -> s.channel),
                new IngestInbox.Column<StoredSpend>("day", "date", s -> s.day)));

        assertEquals("""
                insert into channel_spend (event_id, channel, day, received_at)
                select *, $1::timestamptz from unnest($2::uuid[], $3::varchar[], $4::date[])
                on conflict (event_id) do nothing""", table.storeOnce());
    }
}
