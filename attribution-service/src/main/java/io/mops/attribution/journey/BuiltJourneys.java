package io.mops.attribution.journey;

import io.mops.attribution.model.JourneySet;

import java.math.BigDecimal;

/**
 * The journeys of a window, and the conversions of the window that no touchpoint led to (within the lookback):
 * those cannot be credited to any channel and are reported beside the credit.
 */
public record BuiltJourneys(JourneySet journeys, long unattributedConversions, BigDecimal unattributedValue) {
}
