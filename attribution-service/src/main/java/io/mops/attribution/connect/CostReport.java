package io.mops.attribution.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mops.attribution.lines.CsvRows;
import io.mops.attribution.lines.RejectedLine;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an ad platform's cost report (CSV, streamed one row at a time with Jackson's CSV parser) into one
 * {@link CostLine} per campaign and day. The rows above the header — the report's name, date range, account, which
 * the platforms' downloads put first — and the summary rows ("Total: …") and footers (Microsoft's copyright line)
 * are skipped and counted. A campaign's second row for the same day in one file is rejected: it would be the same
 * spend event twice (the report is split by another dimension, such as device), so the file must be downloaded by
 * campaign and day only; to tell, the reader keeps the campaign-days it has seen, one entry per line of spend.
 */
final class CostReport {


    /** Receives the lines as they are read. */
    interface Sink {
        void line(long number, CostLine line);

        void rejected(RejectedLine rejected);

        void ignored(long number);
    }

    private final CostReportFormat format;
    private final Optional<String> defaultCurrency;

    /** @param defaultCurrency the currency of a report that names none (Google Ads without "Currency code") */
    CostReport(CostReportFormat format, Optional<String> defaultCurrency) {
        this.format = format;
        this.defaultCurrency = defaultCurrency;
    }

    private record Header(int size, int day, int dayEnds, int campaign, int cost, int currency,
                          Optional<String> headerCurrency) {
    }

    void read(Reader body, Sink sink) {
        Header header = null;
        Set<String> seen = new HashSet<>();
        try (CsvRows rows = CsvRows.of(Bom.skipped(body))) {
            for (CsvRows.Row next = rows.next(); next != null; next = rows.next()) {
                long line = next.line();
                List<String> fields = next.fields();
                if (header == null) {
                    header = header(fields);
                    if (header == null) {
                        sink.ignored(line);
                    }
                    continue;
                }
                if (summary(fields)) {
                    sink.ignored(line);
                    continue;
                }
                if (fields.size() != header.size()) {
                    sink.rejected(new RejectedLine(line, "expected " + header.size() + " fields, found " + fields.size()));
                    continue;
                }
                try {
                    CostLine cost = line(fields, header);
                    if (!seen.add(cost.campaign() + "\u0000" + cost.day())) {
                        sink.rejected(new RejectedLine(line, "campaign '" + cost.campaign() + "' has a second row for "
                                + cost.day() + ": download the report by campaign and day only (no device, network "
                                + "or other segment)"));
                        continue;
                    }
                    sink.line(line, cost);
                } catch (IllegalArgumentException e) {
                    sink.rejected(new RejectedLine(line, e.getMessage()));
                }
            }
            if (header == null) {
                sink.rejected(new RejectedLine(1, "no header row of a " + format.key + " cost report: expected "
                        + "columns for the day (" + String.join(" or ", format.day) + "), the campaign ("
                        + String.join(" or ", format.campaign) + ") and the cost (" + String.join(" or ", format.cost)
                        + ")"));
            }
        } catch (JsonProcessingException e) {
            sink.rejected(CsvRows.unreadable(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the header, or {@code null} when the row is not the header (a line of the preamble) */
    private Header header(List<String> fields) {
        int day = index(fields, format.day);
        int campaign = index(fields, format.campaign);
        int cost = index(fields, format.cost);
        if (day < 0 || campaign < 0 || cost < 0) {
            return null;
        }
        return new Header(fields.size(), day, index(fields, format.dayEnds), campaign, cost,
                index(fields, format.currency), CostReportFormat.currencyInHeader(fields.get(cost)));
    }

    private static int index(List<String> fields, List<String> names) {
        for (int i = 0; i < fields.size(); i++) {
            if (CostReportFormat.named(fields.get(i), names)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean summary(List<String> fields) {
        String first = fields.getFirst().strip().toLowerCase(Locale.ROOT);
        return first.equals("total") || first.startsWith("total:") || first.startsWith("©")
                || fields.stream().anyMatch(f -> f.strip().toLowerCase(Locale.ROOT).startsWith("total:"));
    }

    private CostLine line(List<String> fields, Header header) {
        String dayText = fields.get(header.day()).strip();
        if (dayText.isEmpty()) {
            throw new IllegalArgumentException("day: missing");
        }
        LocalDate day = field("day", dayText, CostReportFormat::day);
        if (header.dayEnds() >= 0 && !fields.get(header.dayEnds()).isBlank()) {
            LocalDate ends = field("day", fields.get(header.dayEnds()), CostReportFormat::day);
            if (!ends.equals(day)) {
                throw new IllegalArgumentException("day: the row covers " + day + " to " + ends
                        + "; download the report broken down by day");
            }
        }
        String campaign = fields.get(header.campaign()).strip();
        if (campaign.isEmpty()) {
            throw new IllegalArgumentException("campaign: missing");
        }
        BigDecimal cost = field("cost", fields.get(header.cost()), PlatformAmount::parse);
        String currency = header.currency() >= 0 && !fields.get(header.currency()).isBlank()
                ? fields.get(header.currency()).strip().toUpperCase(Locale.ROOT)
                : header.headerCurrency().or(() -> defaultCurrency).orElseThrow(() -> new IllegalArgumentException(
                "currency: the report names none; add its currency column or the query parameter currency"));
        return new CostLine(day, campaign, cost, currency);
    }

    private static <T> T field(String name, String text, java.util.function.Function<String, T> parse) {
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": cannot read '" + text.strip() + "'");
        }
    }
}
