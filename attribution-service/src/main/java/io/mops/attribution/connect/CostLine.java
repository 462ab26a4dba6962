package io.mops.attribution.connect;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One campaign's cost on one day, as a platform's cost report gave it. */
record CostLine(LocalDate day, String campaign, BigDecimal cost, String currency) {
}
