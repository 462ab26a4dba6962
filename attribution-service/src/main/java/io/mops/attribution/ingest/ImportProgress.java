package io.mops.attribution.ingest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * How far a running import has come.
 *
 * @param kind           touchpoints, conversions, spend (also a cost report) or ga4
 * @param linesRead      valid lines read from the body so far
 * @param linesWritten   lines written in the import's open transaction (committed only when the whole body is read
 *                       and no line was rejected; already known ones are not counted)
 * @param rejectedLines  lines rejected so far; one is enough for nothing to be stored
 */
@Schema(description = "A running import: lines read, written in its open transaction, rejected")
public record ImportProgress(UUID id, String kind, String startedBy, Instant startedAt, long secondsRunning,
                             long linesRead, long linesWritten, long rejectedLines) {
}
