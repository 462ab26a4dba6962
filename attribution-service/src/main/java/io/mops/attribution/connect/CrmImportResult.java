package io.mops.attribution.connect;

import io.mops.attribution.lines.RejectedLine;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * What a CRM deal import did.
 *
 * @param received       won deals read
 * @param stored         of them, conversions newly stored
 * @param duplicates     of them, conversions already stored (the same deal imported before)
 * @param unmatched      of them, deals matching no journey: not stored
 * @param ignored        rows that are no won deal: other stages, the rows around the table
 * @param unmatchedLines the first 1,000 unmatched deals, each with its line and why
 */
@Schema(description = "Counts of a CRM deal import, and the deals no journey matched")
public record CrmImportResult(String format, long received, long stored, long duplicates, long unmatched,
                              long ignored, List<RejectedLine> unmatchedLines) {
}
