package io.mops.attribution.credit;

import io.mops.attribution.model.Attribution;
import io.mops.attribution.model.ChannelCredit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ChannelReturnTest {

    private static Attribution credit(String model, String searchValue, String emailValue) {
        return new Attribution(model, "EUR", 2, new BigDecimal(searchValue).add(new BigDecimal(emailValue)),
                List.of(ChannelCredit.exact("email", BigDecimal.ONE, new BigDecimal(emailValue)),
                        ChannelCredit.exact("search", BigDecimal.ONE, new BigDecimal(searchValue))), List.of());
    }

    @Test
    void roasIsCreditedValueOverSpendPerModelToFourDecimals() {
        List<ChannelReturn> rows = ChannelReturn.of(List.of("email", "search"),
                List.of(credit("last-touch", "100", "50"), credit("first-touch", "10", "140")),
                Map.of("search", new BigDecimal("30"), "email", new BigDecimal("25")));

        assertEquals("email", rows.get(0).channel());
        assertEquals(new BigDecimal("2.0000"), rows.get(0).roas().get("last-touch"));
        assertEquals(new BigDecimal("5.6000"), rows.get(0).roas().get("first-touch"));
        assertEquals(new BigDecimal("3.3333"), rows.get(1).roas().get("last-touch"));
        assertEquals(new BigDecimal("0.3333"), rows.get(1).roas().get("first-touch"));
        assertEquals(new BigDecimal("30"), rows.get(1).spend());
    }

    @Test
    void unknownOrZeroSpendHasNoRoas() {
        List<ChannelReturn> rows = ChannelReturn.of(List.of("email", "search"), List.of(credit("linear", "100", "50")),
                Map.of("email", BigDecimal.ZERO));

        assertEquals(BigDecimal.ZERO, rows.get(0).spend());
        assertNull(rows.get(0).roas().get("linear"));
        assertNull(rows.get(1).spend());
        assertNull(rows.get(1).roas().get("linear"));
    }

    @Test
    void aChannelThatSpentButWasNeverCreditedReturnsZero() {
        List<ChannelReturn> rows = ChannelReturn.of(List.of("search"), List.of(credit("linear", "100", "0")),
                Map.of("display", new BigDecimal("80")));

        assertEquals(List.of("display", "search"), rows.stream().map(ChannelReturn::channel).toList());
        assertEquals(new BigDecimal("0.0000"), rows.get(0).roas().get("linear"));
    }
}
