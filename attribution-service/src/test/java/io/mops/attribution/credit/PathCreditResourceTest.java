package io.mops.attribution.credit;

import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(MopsInfra.class)
class PathCreditResourceTest {

    static final String PATH = "/attribution/paths/credit";

    /** The three-path example worked out in MarkovRemovalEffectTest: markov-1 credits 0.2 / 0.4 / 0.4. */
    static final Map<String, Object> CLASSIC = Map.of("currency", "EUR", "paths", List.of(
            Map.of("path", "C1 > C2 > C3", "conversions", 1, "conversionValue", 100, "nulls", 0),
            Map.of("path", "C1", "conversions", 0, "nulls", 1),
            Map.of("path", "C2 > C3", "conversions", 0, "conversionValue", 0, "nulls", 1)));

    static final String CLASSIC_CSV = """
            path,total_conversions,total_conversion_value,total_null
            C1 > C2 > C3,1,100,0
            C1,0,0,1
            C2 > C3,0,0,1
            """;

    @Test
    void aChannelTeamComparesModelsSideBySide() {
        given().auth().oauth2(Tokens.user("sam"))
                .contentType(ContentType.JSON).body(CLASSIC)
                .queryParam("model", "markov-1").queryParam("model", "linear").queryParam("model", "shapley")
                .post(PATH)
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("models", equalTo(List.of("markov-1", "linear", "shapley")))
                .body("totalConversions", equalTo(1))
                .body("totalNulls", equalTo(2))
                .body("channels.channel", equalTo(List.of("C1", "C2", "C3")))
                .body("channels[0].credit.markov-1.conversions", equalTo(0.2f))
                .body("channels[1].credit.markov-1.conversions", equalTo(0.4f))
                .body("channels[1].credit.markov-1.value", equalTo(40.0f))
                // Thirds are rounded to add up: the spare 0.0001 goes to the first of the tied channels.
                .body("channels[0].credit.linear.conversions", equalTo(0.3334f))
                .body("channels[1].credit.linear.conversions", equalTo(0.3333f))
                .body("channels[2].credit.shapley.conversions", equalTo(0.3333f));
    }

    @Test
    void aCsvExportGivesTheSameCreditAndCsvComesBackWhenAskedFor() {
        String csv = given().auth().oauth2(Tokens.serviceAccount("channel-social"))
                .contentType("text/csv").body(CLASSIC_CSV)
                .accept("text/csv")
                .queryParam("currency", "EUR").queryParam("model", "markov-1").queryParam("model", "first-touch")
                .post(PATH)
                .then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract().asString();

        org.junit.jupiter.api.Assertions.assertEquals("""
                channel,markov-1_conversions,markov-1_value,first-touch_conversions,first-touch_value
                C1,0.2000,20.0000,1.0000,100.0000
                C2,0.4000,40.0000,0.0000,0.0000
                C3,0.4000,40.0000,0.0000,0.0000
                """, csv);
    }

    @Test
    void spendPerChannelGivesRoasPerChannelAndModel() {
        Map<String, Object> withSpend = new java.util.HashMap<>(CLASSIC);
        withSpend.put("spend", Map.of("C2", 20, "C3", 0, "display", 10));
        given().auth().oauth2(Tokens.user("sam"))
                .contentType(ContentType.JSON).body(withSpend)
                .queryParam("model", "markov-1").queryParam("model", "first-touch")
                .post(PATH)
                .then().statusCode(200)
                // markov-1 credits C2 with 40 of value: 40 / 20 = 2; first touch credits it nothing: 0.
                .body("returns.channel", equalTo(List.of("C1", "C2", "C3", "display")))
                .body("returns[0].spend", org.hamcrest.Matchers.nullValue())
                .body("returns[0].roas.markov-1", org.hamcrest.Matchers.nullValue())
                .body("returns[1].spend", equalTo(20))
                .body("returns[1].roas.markov-1", equalTo(2.0f))
                .body("returns[1].roas.first-touch", equalTo(0.0f))
                .body("returns[2].roas.markov-1", org.hamcrest.Matchers.nullValue())
                .body("returns[3].roas.markov-1", equalTo(0.0f));
    }

    @Test
    void aCsvExportWithSpendAnswersSpendAndRoasColumns() {
        String csv = given().auth().oauth2(Tokens.user("alice"))
                .contentType("text/csv").body(CLASSIC_CSV)
                .accept("text/csv")
                .queryParam("currency", "EUR").queryParam("model", "markov-1")
                .queryParam("spend", "C1:40").queryParam("spend", "display:5.50")
                .post(PATH)
                .then().statusCode(200)
                .extract().asString();

        org.junit.jupiter.api.Assertions.assertEquals("""
                channel,markov-1_conversions,markov-1_value,spend,markov-1_roas
                C1,0.2000,20.0000,40,0.5000
                C2,0.4000,40.0000,,
                C3,0.4000,40.0000,,
                display,0,0,5.50,0.0000
                """, csv);
    }

    @Test
    void unreadableSpendIsA400NamingTheParameter() {
        given().auth().oauth2(Tokens.user("alice"))
                .contentType("text/csv").body(CLASSIC_CSV)
                .queryParam("currency", "EUR").queryParam("model", "markov-1").queryParam("spend", "C1=40")
                .post(PATH)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("spend"));
        Map<String, Object> negative = new java.util.HashMap<>(CLASSIC);
        negative.put("spend", Map.of("C1", -1));
        given().auth().oauth2(Tokens.user("alice"))
                .contentType(ContentType.JSON).body(negative).queryParam("model", "linear")
                .post(PATH)
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aCsvUploadAnswersJsonByDefault() {
        given().auth().oauth2(Tokens.user("alice"))
                .contentType("text/csv").body(CLASSIC_CSV)
                .queryParam("currency", "EUR").queryParam("model", "markov-2")
                .post(PATH)
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("currency", equalTo("EUR"))
                .body("channels[0].credit.markov-2.conversions", equalTo(0.2f));
    }

    @Test
    void unknownModelNamesAre400sNamingTheParameter() {
        given().auth().oauth2(Tokens.user("carol"))
                .contentType(ContentType.JSON).body(CLASSIC)
                .queryParam("model", "markov-1").queryParam("model", "markov-9").queryParam("model", "data-driven")
                .post(PATH)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("model", "model")))
                .body("violations[0].message", startsWith("unknown model 'markov-9'; known: first-touch"))
                .body("violations[1].message", startsWith("unknown model 'data-driven'"));
    }

    @Test
    void aRequestWithoutAModelIsA400() {
        given().auth().oauth2(Tokens.user("carol"))
                .contentType(ContentType.JSON).body(CLASSIC)
                .post(PATH)
                .then().statusCode(400)
                .body("violations[0].field", equalTo("model"));
    }

    @Test
    void timeDecayOnAggregatedPathsIsRefusedWithTheReason() {
        given().auth().oauth2(Tokens.user("carol"))
                .contentType(ContentType.JSON).body(CLASSIC)
                .queryParam("model", "time-decay")
                .post(PATH)
                .then().statusCode(400)
                .body("violations[0].field", equalTo("model"))
                .body("violations[0].message", containsString("aggregated paths carry no times"));
    }

    @Test
    void aCsvWithBadLinesIsRejectedWholeListingEveryLine() {
        String csv = """
                path,total_conversions,total_conversion_value,total_null
                search,1,10,0
                search > > email,1,10,0
                email,-1,0,0
                social,two,0,0
                """;
        given().auth().oauth2(Tokens.user("sam"))
                .contentType("text/csv").body(csv)
                .queryParam("currency", "EUR").queryParam("model", "linear")
                .post(PATH)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("3 lines rejected; nothing was applied"))
                .body("violations.field", equalTo(List.of("line 3", "line 4", "line 5")))
                .body("violations[2].message", equalTo("total_conversions 'two' is not a number"));
    }

    @Test
    void aCsvWithoutCurrencyIsA400() {
        given().auth().oauth2(Tokens.user("sam"))
                .contentType("text/csv").body(CLASSIC_CSV)
                .queryParam("model", "linear")
                .post(PATH)
                .then().statusCode(400)
                .body("violations.field", hasItems("currency"));
    }

    @Test
    void invalidJsonPathsAreNamedByTheirIndex() {
        Map<String, Object> bad = Map.of("currency", "EUR", "paths", List.of(
                Map.of("path", "search", "conversions", 1),
                Map.of("path", "search >", "conversions", 1),
                Map.of("path", "email", "conversions", -2)));
        given().auth().oauth2(Tokens.user("sam"))
                .contentType(ContentType.JSON).body(bad)
                .queryParam("model", "linear")
                .post(PATH)
                .then().statusCode(400)
                .body("violations.field", hasItems("paths[2].conversions"));
    }

    @Test
    void unparseablePathsInJsonAreNamedByTheirIndex() {
        Map<String, Object> bad = Map.of("currency", "EUR", "paths", List.of(
                Map.of("path", "search", "conversions", 1),
                Map.of("path", "search >", "conversions", 1)));
        given().auth().oauth2(Tokens.user("sam"))
                .contentType(ContentType.JSON).body(bad)
                .queryParam("model", "linear")
                .post(PATH)
                .then().statusCode(400)
                .body("violations[0].field", equalTo("paths[1].path"));
    }

    /**
     * No channel cap and no sampling: 40 channels in a ring, path i = {@code ch_i > ch_i+1} converting i + 1 times.
     * Each path's conversions are shared equally by its two channels (φ_i = Σ_{T ∋ i} R(T)/|T|), so ch0 gets
     * 1/2 + 40/2 = 20.5 and ch1 1/2·1 + 1/2·2 = 1.5; no standard error is reported.
     */
    @Test
    void shapleyCreditsFortyChannelsExactly() {
        List<Map<String, Object>> paths = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            paths.add(Map.of("path", "ch" + i + " > ch" + ((i + 1) % 40), "conversions", 1 + i, "conversionValue", 10));
        }
        given().auth().oauth2(Tokens.user("carol"))
                .contentType(ContentType.JSON).body(Map.of("currency", "EUR", "paths", paths))
                .queryParam("model", "shapley")
                .post(PATH)
                .then().statusCode(200)
                .body("channels.size()", equalTo(40))
                .body("channels[0].channel", equalTo("ch0"))
                .body("channels[0].credit.shapley.conversions", equalTo(20.5f))
                .body("channels[0].credit.shapley.value", equalTo(10.0f))
                .body("channels[1].channel", equalTo("ch1"))
                .body("channels[1].credit.shapley.conversions", equalTo(1.5f))
                .body("channels[0].credit.shapley", not(hasKey("standardError")));
    }

    /**
     * A value with 21 decimals is 10^21 units of its last decimal, more than a long holds (it was a 500). It is
     * credited at 21 decimals, and every model's credited values add up to the total exactly.
     */
    @Test
    void valuesWithManyDecimalsAreCreditedExactly() {
        String csv = """
                path,total_conversions,total_conversion_value,total_null
                search > email,2,0.123456789012345678901,3
                email,1,1000000000000000.5,1
                search > video > email,1,7,0
                """;
        String answer = given().auth().oauth2(Tokens.user("sam"))
                .contentType("text/csv").body(csv).accept("text/csv")
                .queryParam("currency", "EUR")
                .queryParam("model", "linear").queryParam("model", "markov-1").queryParam("model", "shapley")
                .post(PATH)
                .then().statusCode(200)
                .extract().asString();

        BigDecimal total = new BigDecimal("1000000000000007.623456789012345678901");
        List<String> lines = answer.lines().toList();
        org.junit.jupiter.api.Assertions.assertEquals(
                "channel,linear_conversions,linear_value,markov-1_conversions,markov-1_value,shapley_conversions,"
                        + "shapley_value", lines.getFirst());
        for (int column : new int[]{2, 4, 6}) {
            // Jackson's CSV writer quotes fields longer than 24 characters; the numbers hold no comma.
            BigDecimal credited = lines.stream().skip(1)
                    .map(l -> new BigDecimal(l.split(",")[column].replace("\"", "")))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            org.junit.jupiter.api.Assertions.assertEquals(total, credited, lines.getFirst().split(",")[column]);
        }
    }

    /** The same value as JSON, answered as JSON. */
    @Test
    void aJsonValueWithManyDecimalsIsNot500() {
        Map<String, Object> body = Map.of("currency", "EUR", "paths", List.of(
                Map.of("path", "search > email", "conversions", 2, "conversionValue",
                        new BigDecimal("0.123456789012345678901"), "nulls", 3),
                Map.of("path", "email", "conversions", 1, "conversionValue", 5, "nulls", 1)));
        given().auth().oauth2(Tokens.user("sam"))
                .contentType(ContentType.JSON).body(body)
                .queryParam("model", "linear").queryParam("model", "markov-1").queryParam("model", "shapley")
                .post(PATH)
                .then().statusCode(200)
                .body("totalConversions", equalTo(3));
    }

    /** Beyond 34 decimals (or 18 integer digits) a value is refused, naming the field, in JSON and in CSV. */
    @Test
    void valuesBeyondTheirDigitBoundsAre400sNamingTheField() {
        Map<String, Object> body = Map.of("currency", "EUR", "paths", List.of(
                Map.of("path", "search", "conversions", 1, "conversionValue", 5),
                Map.of("path", "email", "conversions", 1, "conversionValue", new BigDecimal("1e-999999999"))));
        given().auth().oauth2(Tokens.user("sam"))
                .contentType(ContentType.JSON).body(body)
                .queryParam("model", "shapley")
                .post(PATH)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("paths[1].conversionValue"))
                .body("violations[0].message", containsString("34 after"));
        given().auth().oauth2(Tokens.user("sam"))
                .contentType("text/csv").body("path,total_conversions,total_conversion_value\nsearch,1,5\nemail,1,1e40\n")
                .queryParam("currency", "EUR").queryParam("model", "shapley")
                .post(PATH)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("line 3"))
                .body("violations[0].message", containsString("18 digits before"));
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        given().contentType(ContentType.JSON).body(CLASSIC).queryParam("model", "linear").post(PATH)
                .then().statusCode(401).contentType("application/problem+json");
    }
}
