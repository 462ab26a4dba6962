package io.mops.budget.reallocation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** @param maxAmountMoved per ISO 4217 currency */
public record PolicyView(Map<String, BigDecimal> maxAmountMoved, BigDecimal maxPercentOfTotal,
                         Map<String, PolicyChange.ChannelLimit> channels, String changedBy, Instant changedAt) {
}
