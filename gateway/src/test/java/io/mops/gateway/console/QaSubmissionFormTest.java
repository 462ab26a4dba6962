package io.mops.gateway.console;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QaSubmissionFormTest {

    private static QaSubmissionForm searchAd() {
        QaSubmissionForm form = QaSubmissionForm.forChannel("search");
        form.campaignId = " spring-sale ";
        form.startDate = "2026-12-10";
        form.endDate = "2026-12-24";
        form.budgetAmount = "2500.50";
        form.landingPageUrl = "https://shop.example/spring";
        form.headlines = "Spring sale\r\n\r\n  Up to 30% off  \nFree returns";
        form.adBody = "Everything for the garden.";
        form.trackingLinks = "";
        return form;
    }

    @Test
    void aSearchAdBecomesTheSubmissionQaServiceTakesWithEmptyPartsLeftOut() {
        QaSubmissionForm form = searchAd();
        assertEquals(Map.of(), form.errors());
        QaSubmissionForm.Submission submission = form.toSubmission();
        assertEquals("spring-sale", submission.campaignId());
        assertEquals("search", submission.channel());
        assertEquals(LocalDate.of(2026, 12, 10), submission.startDate());
        assertEquals(new QaSubmissionForm.Money(new BigDecimal("2500.50"), "EUR"), submission.budget());
        assertEquals(List.of("Spring sale", "Up to 30% off", "Free returns"), submission.creatives().ad().headlines());
        assertEquals("https://shop.example/spring", submission.creatives().landingPageUrl());
        assertNull(submission.creatives().email(), "no email typed, none sent");
        assertNull(submission.creatives().sms());
        assertNull(submission.name());
        assertEquals(List.of(), submission.trackingLinks());
        assertNull(submission.budgetCampaignId());
    }

    @Test
    void whatTheFormMustGetRightIsNamedByField() {
        QaSubmissionForm form = new QaSubmissionForm();
        form.campaignId = "  ";
        form.startDate = "10.12.2026";
        form.budgetAmount = "2.500,00";
        form.budgetCampaignId = "not-an-id";
        Map<String, String> errors = form.errors();
        assertEquals(List.of("campaignId", "channel", "startDate", "budgetAmount", "budgetCampaignId"),
                List.copyOf(errors.keySet()));
    }

    @Test
    void anEndBeforeTheStartIsRefusedAtTheEndDate() {
        QaSubmissionForm form = searchAd();
        form.endDate = "2026-12-09";
        assertEquals(Map.of("endDate", "must not be before the start date"), form.errors());
        form.endDate = "2026-12-10";
        assertEquals(Map.of(), form.errors(), "a one-day campaign is fine");
    }

    @Test
    void aBudgetServiceCampaignIdIsSentAsAnId() {
        QaSubmissionForm form = searchAd();
        UUID id = UUID.fromString("3f6c0a4e-0000-4000-8000-000000000001");
        form.budgetCampaignId = id.toString();
        assertEquals(id, form.toSubmission().budgetCampaignId());
    }

    @Test
    void qaServicesViolationsLandNextToTheFieldTheyName() {
        assertEquals("campaignId", QaSubmissionForm.fieldOf("campaignId"));
        assertEquals("headlines", QaSubmissionForm.fieldOf("creatives.ad.headlines[3]"));
        assertEquals("headlines", QaSubmissionForm.fieldOf("creatives.ad"));
        assertEquals("budgetCurrency", QaSubmissionForm.fieldOf("budget.currency"));
        assertEquals("budgetAmount", QaSubmissionForm.fieldOf("budget.amount"));
        assertEquals("emailSubject", QaSubmissionForm.fieldOf("creatives.email"));
        assertEquals("senderAddress", QaSubmissionForm.fieldOf("creatives.email.senderAddress"));
        assertEquals("trackingLinks", QaSubmissionForm.fieldOf("trackingLinks[0]"));
        assertNull(QaSubmissionForm.fieldOf("audience.size"), "the form has no audience field");
        assertNull(QaSubmissionForm.fieldOf(null));
    }

    @Test
    void severalViolationsOfOneFieldAreJoinedAndThoseWithoutAFieldAreListedApart() {
        List<QaSubmissionForm.Violation> violations = List.of(
                new QaSubmissionForm.Violation("campaignId", "must not be blank"),
                new QaSubmissionForm.Violation("campaignId", "must be 1-80 letters"),
                new QaSubmissionForm.Violation("audience.size", "must be positive"),
                new QaSubmissionForm.Violation(null, "the rule set cannot be used"));
        assertEquals(Map.of("campaignId", "must not be blank; must be 1-80 letters"),
                QaSubmissionForm.fieldErrors(violations));
        assertEquals(List.of("audience.size: must be positive", "the rule set cannot be used"),
                QaSubmissionForm.otherErrors(violations));
        assertTrue(QaSubmissionForm.FIELDS.containsAll(QaSubmissionForm.fieldErrors(violations).keySet()));
    }
}
