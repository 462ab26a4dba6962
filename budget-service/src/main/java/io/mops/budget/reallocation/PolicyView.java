package io.mops.budget.reallocation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

public record PolicyView(BigDecimal maxAmountMoved, BigDecimal maxPercentOfTotal,
                         Map<String, PolicyChange.ChannelLimit> channels, String changedBy, Instant changedAt) {
}
