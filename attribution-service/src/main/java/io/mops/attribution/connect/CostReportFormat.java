package io.mops.attribution.connect;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ad platform's cost report as its users download it: the columns that hold the day, the campaign, the cost and
 * its currency (each under the names the platform's downloads use; Microsoft's also under its reporting API's),
 * and the source and medium its clicks carry in analytics, which the channel mapping rules match. Column names are compared ignoring case and
 * surrounding spaces. Sources: docs/connectors.md, "Cost reports".
 */
enum CostReportFormat {

    GOOGLE_ADS("google-ads", "google", "cpc",
            List.of("Day", "Date"), List.of(),
            List.of("Campaign", "Campaign name"),
            List.of("Cost"),
            List.of("Currency code", "Currency")),
    MICROSOFT_ADS("microsoft-ads", "bing", "cpc",
            List.of("TimePeriod", "Time period", "Day", "Date"), List.of(),
            List.of("CampaignName", "Campaign name", "Campaign"),
            List.of("Spend"),
            List.of("CurrencyCode", "Currency code", "Currency")),
    META_ADS("meta-ads", "facebook", "paid-social",
            List.of("Reporting starts", "Day", "Date"), List.of("Reporting ends"),
            List.of("Campaign name", "Campaign"),
            List.of("Amount spent", "Amount spent (*)"),
            List.of("Currency")),
    LINKEDIN_ADS("linkedin-ads", "linkedin", "paid-social",
            List.of("Start Date (in UTC)", "Start Date", "Date"), List.of("End Date (in UTC)", "End Date"),
            List.of("Campaign Name", "Campaign"),
            List.of("Total Spent", "Amount Spent", "Total Spent (*)"),
            List.of("Currency"));

    /** The platforms' date styles: ISO, US month/day/year, English month names with or without the weekday. */
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("M/d/uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("EEE, MMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("EEEE, MMMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.BASIC_ISO_DATE);
    private static final Pattern CURRENCY_IN_HEADER = Pattern.compile(".*\\(([A-Z]{3})\\)\\s*");

    final String key;
    final String source;
    final String medium;
    final List<String> day;
    final List<String> dayEnds;
    final List<String> campaign;
    final List<String> cost;
    final List<String> currency;

    CostReportFormat(String key, String source, String medium, List<String> day, List<String> dayEnds,
                     List<String> campaign, List<String> cost, List<String> currency) {
        this.key = key;
        this.source = source;
        this.medium = medium;
        this.day = day;
        this.dayEnds = dayEnds;
        this.campaign = campaign;
        this.cost = cost;
        this.currency = currency;
    }

    static Optional<CostReportFormat> of(String key) {
        for (CostReportFormat format : values()) {
            if (format.key.equals(key)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** Whether a header cell is one of {@code names}; a name ending in {@code (*)} takes any currency code there. */
    static boolean named(String cell, List<String> names) {
        String clean = cell.strip();
        for (String name : names) {
            if (name.endsWith("(*)")) {
                String stem = name.substring(0, name.length() - 3).strip();
                Matcher m = CURRENCY_IN_HEADER.matcher(clean);
                if (m.matches() && clean.substring(0, clean.lastIndexOf('(')).strip().equalsIgnoreCase(stem)) {
                    return true;
                }
            } else if (clean.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** The currency a cost column's header names, as Meta's "Amount spent (EUR)" does. */
    static Optional<String> currencyInHeader(String cell) {
        Matcher m = CURRENCY_IN_HEADER.matcher(cell.strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** @throws IllegalArgumentException when the text is in none of the platforms' date styles */
    static LocalDate day(String text) {
        String clean = text.strip();
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(clean, format);
            } catch (DateTimeParseException ignored) {
                // try the next style
            }
        }
        throw new IllegalArgumentException("not a day: '" + text + "'");
    }
}
