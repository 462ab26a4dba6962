package io.mops.budget.curve;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CurveSketchTest {

    @Test
    void aConcaveCurveWithoutAdstockIsMichaelisMentenScaledToThePlan() {
        // shape 1, no carry-over: f(x) = V x / (x + K) per period; over P periods at spend s: P V (s/P) / (s/P + K).
        ResponseCurve curve = new ResponseCurve(0, 1000, 200, 1);
        double periods = 4;
        CurveSketch sketch = CurveSketch.of(curve, periods, 800, 1200);
        assertEquals(CurveSketch.POINTS, sketch.spend().size());
        assertEquals(0, sketch.spend().getFirst(), 0);
        assertEquals(1800, sketch.spend().getLast(), 1e-9, "half again the larger amount");
        assertEquals(0, sketch.outcome().getFirst(), 0);
        assertEquals(4 * 1000 * 200.0 / (200 + 200), sketch.outcomeBefore(), 1e-9);   // 800/4 = 200 = K: half of V
        assertEquals(4 * 1000 * 300.0 / (300 + 200), sketch.outcomeAfter(), 1e-9);
        double s = sketch.spend().get(20);
        assertEquals(4 * 1000 * (s / 4) / (s / 4 + 200), sketch.outcome().get(20), 1e-9);
    }

    @Test
    void adstockSettlesAtSpendOverOneMinusDecay() {
        // decay 0.5 doubles the settled adstock: with shape 2 and K 100, spending 50 per period gives V/2.
        ResponseCurve curve = new ResponseCurve(0.5, 600, 100, 2);
        CurveSketch sketch = CurveSketch.of(curve, 1, 50, 50);
        assertEquals(300, sketch.outcomeBefore(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> CurveSketch.of(curve, 0, 50, 50));
    }
}
