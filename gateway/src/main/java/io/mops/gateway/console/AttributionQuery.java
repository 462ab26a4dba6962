package io.mops.gateway.console;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The period, currency and models the CoE picked on the attribution page, as typed, with what is wrong with them.
 * Empty fields take the defaults: the 28 days up to today, EUR, every model the console compares.
 */
public record AttributionQuery(String from, String to, String currency, List<String> models) {

    /** attribution-service credits at most 366 days at once. */
    static final int MAX_DAYS = 366;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public static AttributionQuery of(String from, String to, String currency, List<String> models, LocalDate today) {
        return new AttributionQuery(blank(from) ? today.minusDays(27).toString() : from.strip(),
                blank(to) ? today.toString() : to.strip(), blank(currency) ? "EUR" : currency.strip(),
                models == null || models.isEmpty() ? AttributionApi.MODELS : List.copyOf(models));
    }

    /** Field name to the reason it is refused; empty when the query can be sent. */
    public Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate first = date(from, "from", errors);
        LocalDate last = date(to, "to", errors);
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                errors.put("to", "must not be before the first day");
            } else if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
                errors.put("to", "the period may span at most " + MAX_DAYS + " days");
            }
        }
        if (!CURRENCY.matcher(currency).matches()) {
            errors.put("currency", "must be an ISO 4217 code such as EUR");
        }
        List<String> unknown = new ArrayList<>(models);
        unknown.removeAll(AttributionApi.MODELS);
        if (!unknown.isEmpty()) {
            errors.put("model", "unknown model " + String.join(", ", unknown) + "; pick among the listed ones");
        }
        return errors;
    }

    public LocalDate fromDate() {
        return LocalDate.parse(from);
    }

    public LocalDate toDate() {
        return LocalDate.parse(to);
    }

    public boolean picked(String model) {
        return models.contains(model);
    }

    public List<String> allModels() {
        return AttributionApi.MODELS;
    }

    private static LocalDate date(String text, String field, Map<String, String> errors) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.put(field, "must be a day such as 2026-11-01");
            return null;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
