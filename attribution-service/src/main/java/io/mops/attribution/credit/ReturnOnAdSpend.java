package io.mops.attribution.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** Return on ad spend: credited value earned per unit of money spent. */
public final class ReturnOnAdSpend {

    static final int SCALE = 4;

    private ReturnOnAdSpend() {
    }

    /** Empty when nothing was spent: a ratio over zero spend says nothing about the channel. */
    public static Optional<BigDecimal> of(BigDecimal creditedValue, BigDecimal spend) {
        if (spend.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(creditedValue.divide(spend, SCALE, RoundingMode.HALF_EVEN));
    }
}
