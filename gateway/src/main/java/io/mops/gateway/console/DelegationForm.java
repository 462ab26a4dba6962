package io.mops.gateway.console;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The delegation form as typed, and what is wrong with it before approval-service is asked. Only the form's shape
 * is checked here (filled in, real dates, in order); who may stand in for whom, overlaps and chains are
 * approval-service's rules, whose refusal is shown on the page as it gives it.
 */
public record DelegationForm(String delegate, String group, String from, String to) {

    /** The notification modes approval-service knows. */
    static final Set<String> MODES = Set.of("IMMEDIATE", "DAILY_DIGEST");

    public static DelegationForm empty(LocalDate today) {
        return new DelegationForm("", "", today.toString(), today.plusDays(7).toString());
    }

    /** Each problem as "field: what is wrong"; empty when the form may be sent. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (delegate == null || delegate.isBlank()) {
            problems.add("delegate: name the colleague who stands in for you");
        } else if (delegate.strip().length() > 200) {
            problems.add("delegate: at most 200 characters");
        }
        if (group == null || group.isBlank()) {
            problems.add("group: choose the group whose requests your colleague decides");
        }
        LocalDate start = day(from, "from", problems);
        LocalDate end = day(to, "to", problems);
        if (start != null && end != null && end.isBefore(start)) {
            problems.add("to: must not be before from");
        }
        return problems;
    }

    /** The delegation to send; only when {@link #problems()} is empty. */
    public ApprovalsApi.NewDelegation toRequest() {
        return new ApprovalsApi.NewDelegation(delegate.strip(), group.strip(), LocalDate.parse(from.strip()),
                LocalDate.parse(to.strip()));
    }

    private static LocalDate day(String value, String field, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(field + ": give a day");
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(field + ": a day is written 2026-12-24");
            return null;
        }
    }
}
