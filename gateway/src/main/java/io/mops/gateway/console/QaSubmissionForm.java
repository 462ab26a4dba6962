package io.mops.gateway.console;

import org.jboss.resteasy.reactive.RestForm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The console's "submit a campaign for QA" form as typed, turned into qa-service's submission. Only what the form
 * itself must get right is checked here (a campaign id and channel given, real days, a number, an id); every other
 * rule is qa-service's, whose problem+json violations are put back next to the field they name
 * ({@link #fieldOf(String)}).
 */
public class QaSubmissionForm {

    /** The form's fields, in page order. */
    static final List<String> FIELDS = List.of("campaignId", "name", "channel", "startDate", "endDate", "budgetAmount",
            "budgetCurrency", "budgetCampaignId", "brand", "landingPageUrl", "headlines", "adBody", "emailSubject",
            "senderName", "senderAddress", "emailHtml", "smsText", "trackingLinks");

    @RestForm public String campaignId;
    @RestForm public String name;
    @RestForm public String channel;
    @RestForm public String startDate;
    @RestForm public String endDate;
    @RestForm public String budgetAmount;
    @RestForm public String budgetCurrency;
    @RestForm public String budgetCampaignId;
    @RestForm public String brand;
    @RestForm public String landingPageUrl;
    /** Ad headline variants, one a line. */
    @RestForm public String headlines;
    @RestForm public String adBody;
    @RestForm public String emailSubject;
    @RestForm public String senderName;
    @RestForm public String senderAddress;
    @RestForm public String emailHtml;
    @RestForm public String smsText;
    /** Links the team declares as tracked, one a line. */
    @RestForm public String trackingLinks;

    /** What qa-service's {@code POST /qa/runs} takes; parts left empty on the form are left out. */
    public record Submission(String campaignId, String name, String channel, LocalDate startDate, LocalDate endDate,
                             Money budget, List<String> trackingLinks, Creatives creatives, String brand,
                             UUID budgetCampaignId) {
    }

    public record Money(BigDecimal amount, String currency) {
    }

    public record Creatives(Email email, Ad ad, Sms sms, String landingPageUrl) {
    }

    public record Email(String subject, String senderName, String senderAddress, String html) {
    }

    public record Ad(List<String> headlines, String body) {
    }

    public record Sms(String text) {
    }

    /** An empty form for a channel team (its channel filled in) or the CoE (no channel). */
    static QaSubmissionForm forChannel(String channel) {
        QaSubmissionForm form = new QaSubmissionForm();
        form.channel = channel;
        form.budgetCurrency = "EUR";
        return form;
    }

    /** What is wrong with the form by field, before qa-service is asked; empty when it may be sent. */
    public Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (blank(campaignId)) {
            errors.put("campaignId", "give the campaign's id");
        }
        if (blank(channel)) {
            errors.put("channel", "give the channel, e.g. search or email");
        }
        LocalDate start = day(startDate, "startDate", errors);
        LocalDate end = day(endDate, "endDate", errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.put("endDate", "must not be before the start date");
        }
        if (!blank(budgetAmount)) {
            try {
                new BigDecimal(budgetAmount.strip());
            } catch (NumberFormatException e) {
                errors.put("budgetAmount", "a number, e.g. 2500.00");
            }
        }
        if (!blank(budgetCampaignId)) {
            try {
                UUID.fromString(budgetCampaignId.strip());
            } catch (IllegalArgumentException e) {
                errors.put("budgetCampaignId", "budget-service's campaign id, 36 characters like 3f6c0a4e-…");
            }
        }
        return errors;
    }

    /** The submission to send; only when {@link #errors()} is empty. */
    public Submission toSubmission() {
        Money budget = blank(budgetAmount) && blank(budgetCurrency) ? null
                : new Money(blank(budgetAmount) ? null : new BigDecimal(budgetAmount.strip()), text(budgetCurrency));
        Email email = allBlank(emailSubject, senderName, senderAddress, emailHtml) ? null
                : new Email(text(emailSubject), text(senderName), text(senderAddress), text(emailHtml));
        Ad ad = allBlank(headlines, adBody) ? null : new Ad(lines(headlines), text(adBody));
        Sms sms = blank(smsText) ? null : new Sms(text(smsText));
        return new Submission(text(campaignId), text(name), text(channel), date(startDate), date(endDate), budget,
                lines(trackingLinks), new Creatives(email, ad, sms, text(landingPageUrl)), text(brand),
                blank(budgetCampaignId) ? null : UUID.fromString(budgetCampaignId.strip()));
    }

    /**
     * The form field a violation of qa-service names ({@code creatives.ad.headlines[2]} is the headlines box), or
     * null when the form has no field for it (the page then lists it above the form).
     */
    static String fieldOf(String violation) {
        if (violation == null) {
            return null;
        }
        String path = violation.replaceAll("\\[\\d+]", "");
        return switch (path) {
            case "campaignId", "name", "channel", "startDate", "endDate", "brand", "budgetCampaignId",
                 "trackingLinks" -> path;
            case "budget", "budget.amount" -> "budgetAmount";
            case "budget.currency" -> "budgetCurrency";
            case "creatives.landingPageUrl" -> "landingPageUrl";
            case "creatives.ad", "creatives.ad.headlines" -> "headlines";
            case "creatives.ad.body" -> "adBody";
            case "creatives.email", "creatives.email.subject" -> "emailSubject";
            case "creatives.email.senderName" -> "senderName";
            case "creatives.email.senderAddress" -> "senderAddress";
            case "creatives.email.html" -> "emailHtml";
            case "creatives.sms", "creatives.sms.text" -> "smsText";
            default -> null;
        };
    }

    /** A refused input as qa-service's problem+json names it. */
    public record Violation(String field, String message) {
    }

    /** qa-service's violations that name a field of the form, by that field (several joined with "; "). */
    static Map<String, String> fieldErrors(List<Violation> violations) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Violation v : violations) {
            String field = fieldOf(v.field());
            if (field != null) {
                errors.merge(field, v.message(), (a, b) -> a + "; " + b);
            }
        }
        return errors;
    }

    /** qa-service's violations of parts the form has no field for, as "field: reason". */
    static List<String> otherErrors(List<Violation> violations) {
        return violations.stream().filter(v -> fieldOf(v.field()) == null)
                .map(v -> (v.field() == null ? "" : v.field() + ": ") + v.message()).toList();
    }

    private static LocalDate day(String value, String field, Map<String, String> errors) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "a day is written 2026-12-24");
            return null;
        }
    }

    private static LocalDate date(String value) {
        return blank(value) ? null : LocalDate.parse(value.strip());
    }

    private static List<String> lines(String value) {
        return blank(value) ? List.of()
                : Arrays.stream(value.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String text(String value) {
        return blank(value) ? null : value.strip();
    }

    private static boolean allBlank(String... values) {
        return Arrays.stream(values).allMatch(QaSubmissionForm::blank);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
