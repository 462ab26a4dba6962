package io.mops.attribution.ingest;

import io.mops.attribution.lines.LineReader;
import io.mops.attribution.lines.RejectedLine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamedImportTest {

    /** Lines are channel names; "bad" has a problem, "foreign" may not be written. */
    private final List<List<String>> written = new ArrayList<>();

    private StreamedImport<String> importer(int batchSize) {
        return new StreamedImport<>(batchSize, line -> line.equals("bad") ? "channel: bad" : null,
                line -> {
                    if (line.equals("foreign")) {
                        throw new SecurityException("foreign");
                    }
                },
                batch -> {
                    written.add(batch);
                    // Every "dup" is already stored.
                    return (int) batch.stream().filter(line -> !line.equals("dup")).count();
                },
                "the import holds nothing");
    }

    private static void feed(StreamedImport<String> importer, String... lines) {
        for (int i = 0; i < lines.length; i++) {
            importer.line(new LineReader.Numbered<>(i + 2, lines[i]));
        }
    }

    @Test
    void linesAreWrittenInBatchesAsTheyAreReadAndDuplicatesAreCounted() {
        StreamedImport<String> importer = importer(2);
        feed(importer, "search", "dup", "email");
        assertEquals(List.of(List.of("search", "dup")), written);

        StreamedImport.Outcome outcome = importer.finish();

        assertEquals(List.of(List.of("search", "dup"), List.of("email")), written);
        assertTrue(outcome.accepted());
        assertEquals(3, outcome.received());
        assertEquals(2, outcome.stored());
    }

    @Test
    void aRejectedLineStopsTheWritingAndTheRestIsStillReadAndChecked() {
        StreamedImport<String> importer = importer(2);
        feed(importer, "search", "email", "bad", "social", "bad", "display");

        StreamedImport.Outcome outcome = importer.finish();

        assertFalse(outcome.accepted());
        assertEquals(List.of(List.of("search", "email")), written);
        assertEquals(2, outcome.rejections());
        assertEquals(List.of(new RejectedLine(4, "channel: bad"), new RejectedLine(6, "channel: bad")),
                outcome.listedRejections());
    }

    @Test
    void onlyTheFirstThousandRejectedLinesAreListedButAllAreCounted() {
        StreamedImport<String> importer = importer(StreamedImport.BATCH);
        for (int i = 0; i < 1_500; i++) {
            importer.rejected(new RejectedLine(i + 2, "not readable"));
        }

        StreamedImport.Outcome outcome = importer.finish();

        assertEquals(1_500, outcome.rejections());
        assertEquals(StreamedImport.LISTED_REJECTIONS, outcome.listedRejections().size());
        assertEquals(1_001, outcome.listedRejections().getLast().line());
        assertEquals(List.of(), written);
    }

    @Test
    void anImportWithoutLinesIsRejected() {
        StreamedImport.Outcome outcome = importer(2).finish();

        assertEquals(List.of(new RejectedLine(1, "the import holds nothing")), outcome.listedRejections());
    }

    @Test
    void aLineTheCallerMayNotWriteRefusesTheImportAtOnce() {
        StreamedImport<String> importer = importer(2);

        assertThrows(SecurityException.class, () -> feed(importer, "search", "foreign", "email"));
        assertEquals(List.of(), written);
    }
}
