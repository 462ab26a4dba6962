package io.mops.gateway.console;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttributionComparisonTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-07");

    private static AttributionApi.ModelCredit credit(String conversions, String value) {
        return new AttributionApi.ModelCredit(new BigDecimal(conversions), new BigDecimal(value));
    }

    /**
     * Two journeys: display → search converting for 100, search alone for 50. First touch gives display 1 and
     * search 1; last touch gives search both.
     */
    private static final AttributionApi.WindowCredit WINDOW = new AttributionApi.WindowCredit(
            LocalDate.parse("2026-11-10"), TODAY, 30, 2, 0, BigDecimal.ZERO,
            new AttributionApi.Credit("EUR", List.of("first-touch", "last-touch"), 2, new BigDecimal("150"), List.of(
                    new AttributionApi.ChannelRow("display", Map.of("first-touch", credit("1.0000", "100.0000"))),
                    new AttributionApi.ChannelRow("search", Map.of("first-touch", credit("1.0000", "50.0000"),
                            "last-touch", credit("2.0000", "150.0000"))))));

    @Test
    void eachChannelHasOneFigurePerModelInTheModelsOrderAndZeroWhereAModelCreditsItNothing() {
        AttributionComparison comparison = AttributionComparison.of(WINDOW);
        assertEquals(List.of("display", "search"), comparison.chartLabels());
        AttributionComparison.Row display = comparison.rows().get(0);
        assertEquals(new BigDecimal("100.0000"), display.credit().get(0).value());
        assertEquals(0, BigDecimal.ZERO.compareTo(display.credit().get(1).conversions()), "last touch never ends on display");
        assertEquals(List.of(Map.of("label", "first-touch", "data", List.of(new BigDecimal("1.00"), new BigDecimal("1.00"))),
                        Map.of("label", "last-touch", "data", List.of(new BigDecimal("0.00"), new BigDecimal("2.00")))),
                comparison.conversionSeries());
        assertEquals("EUR", comparison.currency());
    }

    @Test
    void aWindowWithoutConversionsHasNothingToChart() {
        assertTrue(AttributionComparison.of(new AttributionApi.WindowCredit(TODAY, TODAY, 30, 0, 0, BigDecimal.ZERO,
                new AttributionApi.Credit("EUR", List.of("linear"), 0, BigDecimal.ZERO, List.of()))).empty());
    }

    @Test
    void anEmptyFormAsksForTheLast28DaysInEuroUnderEveryModel() {
        AttributionQuery query = AttributionQuery.of(null, " ", "", null, TODAY);
        assertEquals("2026-11-10", query.from());
        assertEquals("2026-12-07", query.to());
        assertEquals("EUR", query.currency());
        assertEquals(AttributionApi.MODELS, query.models());
        assertEquals(Map.of(), query.errors());
    }

    @Test
    void eachWrongFieldIsNamedWithItsReason() {
        Map<String, String> errors = AttributionQuery.of("2026-13-01", "2026-11-01", "eur",
                List.of("linear", "markov-9"), TODAY).errors();
        assertEquals(List.of("from", "currency", "model"), List.copyOf(errors.keySet()));
        assertTrue(errors.get("model").contains("markov-9"));
        assertEquals("must not be before the first day",
                AttributionQuery.of("2026-11-02", "2026-11-01", "EUR", null, TODAY).errors().get("to"));
    }

    /** 2025-01-01 to 2026-01-01 is 366 days, both ends included; one more is too many. */
    @Test
    void aPeriodOfAtMost366DaysIsAccepted() {
        assertEquals(Map.of(), AttributionQuery.of("2025-01-01", "2026-01-01", "EUR", null, TODAY).errors());
        assertTrue(AttributionQuery.of("2025-01-01", "2026-01-02", "EUR", null, TODAY).errors().containsKey("to"));
    }
}
