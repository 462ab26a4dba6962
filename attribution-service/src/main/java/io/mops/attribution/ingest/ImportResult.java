package io.mops.attribution.ingest;

/** How many events an import held, how many were new, and how many were already stored (same event id). */
public record ImportResult(long received, long stored, long duplicates) {
}
