package io.mops.attribution.connect;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a connector import did.
 *
 * @param mappingVersion the version of the channel mapping rules the import was mapped with
 * @param received       lines that became events (spend, touchpoints, conversions)
 * @param stored         of them, those newly stored
 * @param duplicates     of them, those already stored (same event id: the same file or line imported before)
 * @param ignored        lines that are no event of MOPS: a report's preamble and total rows, GA4 events other than
 *                       visits and key events
 * @param touchpoints    of {@code received}, the touchpoints (GA4 visits)
 * @param conversions    of {@code received}, the conversions (GA4 key events)
 * @param published      of {@code stored}, the spend lines published on {@code mops.ingest.spend} for budget-service
 *                       (those whose mapping rule names a budget campaign)
 */
@Schema(description = "Counts of a connector import")
public record ConnectorImportResult(String format, int mappingVersion, long received, long stored, long duplicates,
                                   long ignored, long touchpoints, long conversions,
                                   long published) {
}
