package io.mops.gateway.console;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DelegationFormTest {

    @Test
    void aFilledInFormInOrderIsSentAsTyped() {
        DelegationForm form = new DelegationForm(" nina ", "brand", "2026-12-20", "2026-12-31");
        assertEquals(List.of(), form.problems());
        assertEquals(new ApprovalsApi.NewDelegation("nina", "brand", LocalDate.of(2026, 12, 20),
                LocalDate.of(2026, 12, 31)), form.toRequest());
    }

    @Test
    void eachMissingFieldIsNamed() {
        assertEquals(List.of("delegate: name the colleague who stands in for you",
                        "group: choose the group whose requests your colleague decides", "from: give a day",
                        "to: give a day"),
                new DelegationForm(" ", null, "", null).problems());
    }

    @Test
    void aDayThatIsNoDateOrAnEndBeforeTheStartIsRefused() {
        assertEquals(List.of("from: a day is written 2026-12-24"),
                new DelegationForm("nina", "brand", "24.12.2026", "2026-12-31").problems());
        assertEquals(List.of("to: must not be before from"),
                new DelegationForm("nina", "brand", "2026-12-31", "2026-12-20").problems());
    }

    @Test
    void theEmptyFormProposesAWeekFromToday() {
        DelegationForm form = DelegationForm.empty(LocalDate.of(2026, 12, 7));
        assertEquals("2026-12-07", form.from());
        assertEquals("2026-12-14", form.to());
    }
}
