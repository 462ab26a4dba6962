package io.mops.attribution.credit;

import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Credit over stored touchpoints and conversions; the test owns the year 2099 of the test database. */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class WindowCreditResourceTest {

    static final String PATH = "/attribution/journeys/credit";
    private final TestDatabase db = TestDatabase.named("mops_attribution_test");

    void touchpoint(String user, String anonymous, String at, String channel, String campaign) {
        db.update("insert into touchpoint (event_id, user_id, anonymous_id, occurred_at, channel, campaign, interaction,"
                        + " received_at) values (?::uuid, ?, ?, ?::timestamptz, ?, ?, 'click', now())",
                UUID.randomUUID().toString(), user, anonymous, at, channel, campaign);
    }

    void conversion(String user, String anonymous, String at, String value) {
        db.update("insert into conversion (event_id, user_id, anonymous_id, occurred_at, value, currency, received_at)"
                        + " values (?::uuid, ?, ?, ?::timestamptz, ?::numeric, 'EUR', now())",
                UUID.randomUUID().toString(), user, anonymous, at, value);
    }

    /**
     * Three customers in March 2099:
     * u1 saw display (anonymously, cookie-a) on the 1st and searched on the 3rd, converting for 90 on the 3rd;
     * u2 clicked an email on the 4th and converted for 30 on the 5th; u3 saw display on the 6th and did not convert;
     * u4 converted for 50 with no touchpoint within the lookback (a search 40 days before).
     */
    @BeforeEach
    void journeys() {
        db.update("delete from touchpoint where occurred_at >= '2099-01-01' and occurred_at < '2100-01-01'");
        db.update("delete from conversion where occurred_at >= '2099-01-01' and occurred_at < '2100-01-01'");
        touchpoint(null, "cookie-a", "2099-03-01T10:00:00Z", "display", "banner");
        touchpoint("u1", null, "2099-03-03T09:00:00Z", "search", "brand");
        conversion("u1", "cookie-a", "2099-03-03T09:30:00Z", "90");
        touchpoint("u2", null, "2099-03-04T08:00:00Z", "email", "newsletter");
        conversion("u2", null, "2099-03-05T08:00:00Z", "30");
        touchpoint("u3", null, "2099-03-06T08:00:00Z", "display", "banner");
        touchpoint("u4", null, "2099-01-20T08:00:00Z", "search", "brand");
        conversion("u4", null, "2099-03-01T08:00:00Z", "50");
    }

    @Test
    void storedJourneysAreCreditedPerChannelAndCampaign() {
        given().auth().oauth2(Tokens.user("carol"))
                .queryParam("from", "2099-03-01").queryParam("to", "2099-03-07").queryParam("currency", "EUR")
                .queryParam("model", "first-touch").queryParam("model", "last-touch").queryParam("model", "markov-1")
                .get(PATH)
                .then().statusCode(200)
                .body("journeys", equalTo(3))
                .body("unattributedConversions", equalTo(1))
                .body("unattributedValue", equalTo(50.0f))
                .body("credit.totalConversions", equalTo(2))
                .body("credit.totalNulls", equalTo(1))
                .body("credit.channels.channel", equalTo(List.of("display", "email", "search")))
                // The anonymous display touchpoint joined u1's journey through the conversion's anonymous id.
                .body("credit.channels[0].credit.first-touch.value", equalTo(90.0f))
                .body("credit.channels[2].credit.last-touch.value", equalTo(90.0f))
                .body("campaigns.campaign", equalTo(List.of("banner", "newsletter", "brand")))
                .body("campaigns[0].credit.first-touch.conversions", equalTo(1.0f));
    }

    @Test
    void timeDecayUsesTheTouchpointTimesOfStoredJourneys() {
        // u1: display 47.5 h and search 0.5 h before the conversion; with a half-life of 47 h the display weighs
        // 2^-(47/47) = 1/2 of the search: 1/3 and 2/3 of 90.
        given().auth().oauth2(Tokens.serviceAccount("mops-coe"))
                .queryParam("from", "2099-03-01").queryParam("to", "2099-03-03").queryParam("currency", "EUR")
                .queryParam("model", "time-decay").queryParam("halfLife", "PT47H")
                .get(PATH)
                .then().statusCode(200)
                .body("credit.channels[0].channel", equalTo("display"))
                .body("credit.channels[0].credit.time-decay.value", equalTo(30.0f))
                .body("credit.channels[1].credit.time-decay.value", equalTo(60.0f));
    }

    @Test
    void aWindowThatEndsBeforeItStartsIsA400() {
        given().auth().oauth2(Tokens.user("carol"))
                .queryParam("from", "2099-03-07").queryParam("to", "2099-03-01").queryParam("currency", "EUR")
                .queryParam("model", "linear")
                .get(PATH)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("to"))
                .body("violations[0].message", equalTo("must not be before from"));
    }

    @Test
    void aBadHalfLifeOrLookbackIsA400NamingIt() {
        given().auth().oauth2(Tokens.user("carol"))
                .queryParam("from", "2099-03-01").queryParam("to", "2099-03-07").queryParam("currency", "EUR")
                .queryParam("model", "time-decay").queryParam("halfLife", "a week")
                .get(PATH)
                .then().statusCode(400)
                .body("violations[0].field", equalTo("halfLife"));
        given().auth().oauth2(Tokens.user("carol"))
                .queryParam("from", "2099-03-01").queryParam("to", "2099-03-07").queryParam("currency", "EUR")
                .queryParam("model", "linear").queryParam("lookbackDays", 0)
                .get(PATH)
                .then().statusCode(400)
                .body("violations[0].field", equalTo("lookbackDays"));
    }

    @Test
    void aChannelTeamSeesOnlyItsOwnChannelsRowsAndNoTotals() {
        // u1's journey is display > search (90), u2's email (30): search's team sees search's row and campaign only.
        // Its last-touch credit is u1's 90; under first-touch display took u1's conversion, so search has 0.
        given().auth().oauth2(Tokens.user("sam"))
                .queryParam("from", "2099-03-01").queryParam("to", "2099-03-07").queryParam("currency", "EUR")
                .queryParam("model", "first-touch").queryParam("model", "last-touch").queryParam("model", "markov-1")
                .get(PATH)
                .then().statusCode(200)
                .body("channel", equalTo("search"))
                .body("credit.channels.channel", equalTo(List.of("search")))
                .body("credit.channels[0].credit.last-touch.value", equalTo(90.0f))
                .body("credit.channels[0].credit.first-touch.value", equalTo(0.0f))
                .body("campaigns.campaign", equalTo(List.of("brand")))
                .body("returns.channel", equalTo(List.of("search")))
                // Totals over every channel, less search's own credit, would give away display's and email's.
                .body("$", not(hasKey("journeys")))
                .body("$", not(hasKey("unattributedConversions")))
                .body("$", not(hasKey("unattributedValue")))
                .body("credit", not(hasKey("totalConversions")))
                .body("credit", not(hasKey("totalConversionValue")))
                .body("credit", not(hasKey("totalNulls")))
                .body("credit", not(hasKey("paths")));
    }

    @Test
    void aChannelTeamAskingForAnotherChannelIsRefused() {
        given().auth().oauth2(Tokens.serviceAccount("channel-search"))
                .queryParam("from", "2099-03-01").queryParam("to", "2099-03-07").queryParam("currency", "EUR")
                .queryParam("model", "last-touch").queryParam("channel", "email")
                .get(PATH)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @Test
    void theCoeMayNarrowTheAnswerToOneChannel() {
        given().auth().oauth2(Tokens.user("carol"))
                .queryParam("from", "2099-03-01").queryParam("to", "2099-03-07").queryParam("currency", "EUR")
                .queryParam("model", "last-touch").queryParam("channel", "email")
                .get(PATH)
                .then().statusCode(200)
                .body("channel", equalTo("email"))
                .body("credit.channels.channel", equalTo(List.of("email")))
                .body("credit.channels[0].credit.last-touch.value", equalTo(30.0f))
                .body("campaigns.campaign", equalTo(List.of("newsletter")));
    }

    @Test
    void aRoleWithoutChannelMayNotReadStoredCredit() {
        // An approver sees the evidence attached to the requests it decides, not attribution's raw credit.
        given().auth().oauth2(Tokens.user("alice"))
                .queryParam("from", "2099-03-01").queryParam("to", "2099-03-07").queryParam("currency", "EUR")
                .queryParam("model", "last-touch")
                .get(PATH)
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void csvOnRequest() {
        String csv = given().auth().oauth2(Tokens.serviceAccount("mops-coe"))
                .accept("text/csv")
                .queryParam("from", "2099-03-01").queryParam("to", "2099-03-07").queryParam("currency", "EUR")
                .queryParam("model", "last-touch")
                .get(PATH)
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();

        org.junit.jupiter.api.Assertions.assertEquals("""
                channel,last-touch_conversions,last-touch_value
                display,0.0000,0.0000
                email,1.0000,30.0000
                search,1.0000,90.0000
                """, csv);
    }

    @Test
    void aChannelTeamsCsvHasOnlyItsOwnLine() {
        String csv = given().auth().oauth2(Tokens.serviceAccount("channel-email"))
                .accept("text/csv")
                .queryParam("from", "2099-03-01").queryParam("to", "2099-03-07").queryParam("currency", "EUR")
                .queryParam("model", "last-touch")
                .get(PATH)
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();

        org.junit.jupiter.api.Assertions.assertEquals("""
                channel,last-touch_conversions,last-touch_value
                email,1.0000,30.0000
                """, csv);
    }
}
