package io.mops.qa.campaign;

import java.math.BigDecimal;

/** An amount in a currency (ISO 4217 code); never a binary floating-point number. */
public record Money(BigDecimal amount, String currency) {
}
