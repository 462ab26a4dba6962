package io.mops.qa.rules.clients;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.mops.qa.campaign.CampaignSubmission;
import io.mops.qa.rules.CampaignQa;
import io.mops.qa.rules.Finding;
import io.mops.qa.rules.RuleBook;
import io.mops.qa.rules.RuleBookReader;
import io.mops.qa.rules.RuleIds;
import io.mops.qa.rules.Severity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Client support against entries of caniemail 2.0.2 checked by hand on caniemail.com's tables (the data set's
 * {@code stats}, newest tested version of each platform):
 * <ul>
 *   <li>{@code css-display-flex}: Outlook on Windows 2007–2019 "n"; Gmail, Apple Mail and Yahoo "y" or "a" on every
 *       platform the bundled rule set names;</li>
 *   <li>{@code html-video}: Gmail (all four platforms), Outlook (Windows 2019, Outlook.com 2024-01, iOS and Android
 *       2021-05) and Yahoo (all three) "n"; Apple Mail "y";</li>
 *   <li>{@code css-position}: Gmail 2021-05 "n" on every platform, Outlook Windows 2019 and iOS 2021-05 "n";</li>
 *   <li>{@code html-table}, {@code html-role}, {@code html-width}, {@code html-lang}: no "n" for the named clients.</li>
 * </ul>
 */
class ClientSupportCheckTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private static final RuleBook RULES = new RuleBookReader().bundledDefault();
    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

    @Test
    void flexboxIsNotSupportedByOutlookOnWindowsOnly() {
        Finding finding = only(review("<div style=\"display: flex; color: #333\"><p>Jackets</p></div>"));

        assertEquals(Severity.WARN, finding.severity());
        assertTrue(finding.message().startsWith("display:flex (display: flex) is not supported by Outlook (Windows 2019)"
                + " — caniemail@2.0.2"), finding.message());
        assertTrue(finding.location().element().matches(".*> div(:nth-child\\(\\d+\\))?"),
                finding.location().toString());
        assertFalse(finding.message().contains("Gmail"), finding.message());
    }

    @Test
    void aVideoNamesEveryFamilyThatCannotPlayIt() {
        Finding finding = only(review("<video src=\"https://cdn.northwind.example/a.mp4\"></video>"));

        assertTrue(finding.message().contains("<video> element (<video>) is not supported by Gmail (Desktop Webmail "
                + "2019-09, iOS 2019-09, Android 2019-09, Mobile Webmail 2020-02); Outlook (Windows 2019, Outlook.com "
                + "2024-01, iOS 2021-05, Android 2021-05); Yahoo! Mail (Desktop Webmail 2019-09, iOS 2019-09, Android "
                + "2019-09)"), finding.message());
        assertFalse(finding.message().contains("Apple Mail"), finding.message());
    }

    @Test
    void aStyleSheetsPropertiesAreFoundWithTheirSelector() {
        List<Finding> findings = review("<style>.badge { position: absolute; top: 0 }</style><p class=\"badge\">New</p>");

        Finding position = findings.stream().filter(f -> f.message().startsWith("position")).findFirst().orElseThrow();
        assertTrue(position.message().contains(".badge { … } in <style>: position: absolute"), position.message());
        assertTrue(position.message().contains("Gmail (Desktop Webmail 2021-05, iOS 2021-05, Android 2021-05, "
                + "Mobile Webmail 2021-05); Outlook (Windows 2019, iOS 2021-05)"), position.message());
        assertTrue(position.location().element().matches(".*> style(:nth-child\\(\\d+\\))?"),
                position.location().toString());
    }

    @Test
    void theShippedNewsletterUsesNothingItsClientsLack() {
        assertEquals(List.of(), clientSupport(new CampaignQa(RULES).review(sample(null), DAY).findings()));
    }

    @Test
    void onlyTheClientsTheRuleSetNamesCount() {
        RuleBook appleOnly = withClients(new RuleBook.ClientSupportRules(CanIEmail.VERSION,
                java.util.Map.of("apple-mail", List.of("macos", "ios"))));

        assertEquals(List.of(), clientSupport(new CampaignQa(appleOnly)
                .review(sample("<div style=\"display:flex\">x</div>"), DAY).findings()));
    }

    private static List<Finding> review(String fragment) {
        return clientSupport(new CampaignQa(RULES).review(sample(fragment), DAY).findings());
    }

    private static Finding only(List<Finding> findings) {
        assertEquals(1, findings.size(), findings::toString);
        return findings.getFirst();
    }

    private static List<Finding> clientSupport(List<Finding> findings) {
        return findings.stream().filter(f -> f.ruleId().equals(RuleIds.CLIENT_SUPPORT)).toList();
    }

    private static RuleBook withClients(RuleBook.ClientSupportRules clients) {
        return new RuleBook(RULES.name(), RULES.version(), RULES.region(), RULES.description(), RULES.channels(),
                RULES.rules(), RULES.plan(), RULES.tracking(), RULES.email(), RULES.sms(), RULES.claims(),
                RULES.accessibility(), RULES.regimes(), RULES.riskWeights(), RULES.brandVoice(), RULES.spam(), clients);
    }

    /** The shipped Black Friday newsletter, with {@code fragment} (if any) added before its footer. */
    private static CampaignSubmission sample(String fragment) {
        try (InputStream in = ClientSupportCheckTest.class.getClassLoader()
                .getResourceAsStream("samples/good-email-black-friday-us.json")) {
            ObjectNode json = (ObjectNode) JSON.readTree(in);
            if (fragment != null) {
                ObjectNode email = (ObjectNode) json.at("/creatives/email");
                email.put("html", email.get("html").asText().replace("</body>", fragment + "</body>"));
            }
            return JSON.convertValue(json, CampaignSubmission.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
