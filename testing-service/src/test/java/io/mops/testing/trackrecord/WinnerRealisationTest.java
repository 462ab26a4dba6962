package io.mops.testing.trackrecord;

import io.mops.common.trackrecord.Forecast;
import io.mops.testing.statistics.UpliftInterval;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WinnerRealisationTest {

    @Test
    void aNinetyFivePercentLogNormalIntervalBecomesTheNinetyPercentOne() {
        // By hand: ln(1 + uplift) ~ Normal(ln 1.1, 0.05). At 95 %: expm1(ln 1.1 ± 1.959964 × 0.05) =
        // [-0.0026844, 0.2132569]; at 90 %: expm1(ln 1.1 ± 1.644854 × 0.05) = [0.0131533, 0.1942912].
        UpliftInterval readout = new UpliftInterval(-0.0026844099333195605, 0.10, 0.2132568788171653, 0.95);

        Forecast forecast = WinnerRealisation.ninetyPercent(readout);

        assertEquals(0.10, forecast.value(), 1e-12);
        assertEquals(0.013153251332794455, forecast.low(), 1e-9);
        assertEquals(0.19429118784177565, forecast.high(), 1e-9);
    }

    @Test
    void theRealisedUpliftIsTheWinnersMeanSinceTheDeclarationOverTheControls() {
        // 66 conversions of 1,200 units is 5.5 %; against a control at 5 % that is +10 %.
        assertEquals(0.10, WinnerRealisation.realisedUplift(0.05, 1200, 66, 1000).orElseThrow(), 1e-12);
    }

    @Test
    void tooFewUnitsSinceTheDeclarationLeaveItPending() {
        assertTrue(WinnerRealisation.realisedUplift(0.05, 999, 60, 1000).isEmpty());
    }
}
