package io.mops.attribution.connect;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A CRM's deal export as its users download it: the columns that hold the deal's id, stage, amount, close date and
 * currency, the customer it was won from (a contact id, or an email hash the site also uses as its user id) and the
 * Google click id where the CRM keeps one, each under the names the CRM's exports use (the field's label and its API
 * name). Column names are compared ignoring case and surrounding spaces. Sources: docs/connectors.md, "CRM deals".
 */
enum CrmFormat {

    SALESFORCE("salesforce",
            List.of("Opportunity ID", "Id"),
            List.of("StageName", "Stage", "Stage Name"),
            List.of("Amount"),
            List.of("CloseDate", "Close Date"),
            List.of("CurrencyIsoCode", "Opportunity Currency", "Currency ISO Code", "Currency"),
            List.of("ContactId", "Contact ID", "LeadId", "Lead ID"),
            List.of("GCLID__c", "GCLID", "Google Click ID")),
    HUBSPOT("hubspot",
            List.of("Record ID", "Deal ID", "hs_object_id"),
            List.of("Deal Stage", "dealstage"),
            List.of("Amount", "amount"),
            List.of("Close Date", "closedate"),
            List.of("Currency", "deal_currency_code"),
            List.of("Associated Contact IDs", "Associated Contact ID", "Contact ID", "Email Hash",
                    "Contact email hash"),
            List.of("gclid", "Google ad click id", "hs_google_click_id"));

    final String key;
    final List<String> id;
    final List<String> stage;
    final List<String> amount;
    final List<String> closeDate;
    final List<String> currency;
    final List<String> customer;
    final List<String> clickId;

    CrmFormat(String key, List<String> id, List<String> stage, List<String> amount, List<String> closeDate,
              List<String> currency, List<String> customer, List<String> clickId) {
        this.key = key;
        this.id = id;
        this.stage = stage;
        this.amount = amount;
        this.closeDate = closeDate;
        this.currency = currency;
        this.customer = customer;
        this.clickId = clickId;
    }

    static Optional<CrmFormat> of(String key) {
        for (CrmFormat format : values()) {
            if (format.key.equals(key)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a deal of this stage is won: Salesforce's standard won stage is labelled "Closed Won"; HubSpot's
     * default pipeline exports the stage's internal name {@code closedwon}, or its label "Closed Won". Spaces and case
     * are ignored, so either spelling is read in both.
     */
    boolean won(String stage) {
        return stage.replace(" ", "").toLowerCase(Locale.ROOT).equals("closedwon");
    }
}
