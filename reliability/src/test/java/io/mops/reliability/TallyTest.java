package io.mops.reliability;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TallyTest {

    @Test
    void lostIsWhatIsNeitherAppliedNorDeadLettered() {
        Tally tally = new Tally("kill", 1_000, 990, 0, 4, Map.of());

        assertEquals(6, tally.lost());
    }

    @Test
    void theTablePrintsEveryNumberAndNote() {
        String table = new Tally("kafka restart", 20_000, 19_990, 3, 10, Map.of("redelivered on Kafka", "17")).table();

        assertTrue(table.contains("| events sent"), table);
        assertTrue(table.contains("20,000 |"), table);
        assertTrue(table.contains("19,990 |"), table);
        assertTrue(table.matches("(?s).*\\| lost +\\| +0 \\|.*"), table);
        assertTrue(table.matches("(?s).*\\| applied twice +\\| +3 \\|.*"), table);
        assertTrue(table.matches("(?s).*\\| dead-lettered +\\| +10 \\|.*"), table);
        assertTrue(table.matches("(?s).*\\| redelivered on Kafka +\\| +17 \\|.*"), table);
    }
}
