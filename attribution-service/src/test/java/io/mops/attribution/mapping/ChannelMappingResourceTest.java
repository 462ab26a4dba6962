package io.mops.attribution.mapping;

import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithTestResource(MopsInfra.class)
public class ChannelMappingResourceTest {

    static final String PATH = "/attribution/channel-mapping";

    static int currentVersion() {
        return given().auth().oauth2(Tokens.user("carol")).get(PATH)
                .then().statusCode(200).extract().path("version");
    }

    /** Makes {@code rules} the rules in force, as the CoE; answers the new version. */
    public static int setRules(List<Map<String, Object>> rules) {
        return given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                .body(Map.of("expectedVersion", currentVersion(), "rules", rules, "comment", "test rules"))
                .put(PATH)
                .then().statusCode(200).extract().path("version");
    }

    @Test
    void theCoeChangesTheRulesAndTheHistoryShowsWhoWhenAndWhatChanged() {
        int before = currentVersion();
        String budgetCampaign = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                .body(Map.of("expectedVersion", before, "comment", "search first",
                        "rules", List.of(Map.of("source", "google", "medium", "cpc", "channel", "search"))))
                .put(PATH)
                .then().statusCode(200)
                .body("version", equalTo(before + 1))
                .body("changedBy", equalTo("carol"));
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                .body(Map.of("expectedVersion", before + 1, "comment", "LinkedIn booked to its budget campaign",
                        "rules", List.of(Map.of("source", "google", "medium", "cpc", "channel", "search"),
                                Map.of("source", "linkedin", "channel", "social", "budgetCampaignId", budgetCampaign))))
                .put(PATH)
                .then().statusCode(200)
                .body("version", equalTo(before + 2))
                .body("changes.added.channel", equalTo(List.of("social")))
                .body("changes.removed", equalTo(List.of()));

        given().auth().oauth2(Tokens.serviceAccount("channel-search")).get(PATH + "/history")
                .then().statusCode(200)
                .body("[0].version", equalTo(before + 2))
                .body("[0].comment", equalTo("LinkedIn booked to its budget campaign"))
                .body("[0].changedAt", notNullValue())
                .body("[0].changes.added[0].budgetCampaignId", equalTo(budgetCampaign))
                .body("[1].version", equalTo(before + 1))
                .body("[1].changedBy", equalTo("carol"))
                .body("[1].rules.channel", equalTo(List.of("search")));
        given().auth().oauth2(Tokens.user("sam")).get(PATH)
                .then().statusCode(200)
                .body("version", equalTo(before + 2))
                .body("rules.channel", equalTo(List.of("search", "social")));
    }

    @Test
    void aChangeMadeAgainstAnOlderVersionIsAConflict() {
        int version = setRules(List.of(Map.of("medium", "email", "channel", "email")));

        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                .body(Map.of("expectedVersion", version - 1, "rules", List.of()))
                .put(PATH)
                .then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void anInvalidRuleIsAProblemNamingItsField() {
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                .body(Map.of("expectedVersion", currentVersion(),
                        "rules", List.of(Map.of("source", "google", "channel", "Paid Search!"))))
                .put(PATH)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("rules[0].channel"));
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                .body(Map.of("rules", List.of()))
                .put(PATH)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("expectedVersion"));
    }

    @Test
    void aChannelTeamReadsButDoesNotChangeTheRules() {
        given().auth().oauth2(Tokens.user("sam")).contentType(ContentType.JSON)
                .body(Map.of("expectedVersion", currentVersion(), "rules", List.of()))
                .put(PATH)
                .then().statusCode(403);
    }
}
