package io.mops.testing.experiment;

import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(MopsInfra.class)
class ExperimentResourceTest {

    static final String PATH = "/experiments";

    private static Map<String, String> draft(String key, String channel) {
        return Map.of("key", key, "name", "Subject lines " + key, "channel", channel);
    }

    private static String uniqueKey() {
        return "exp-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        given().get(PATH).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anApproverIsNotAnExperimentOwner() {
        given().auth().oauth2(Tokens.user("alice")).get(PATH).then().statusCode(403);
    }

    @Test
    void channelTeamCreatesADraftForItsOwnChannel() {
        String key = uniqueKey();
        given().auth().oauth2(Tokens.serviceAccount("channel-search"))
                .contentType(ContentType.JSON).body(draft(key, "search")).post(PATH)
                .then().statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("createdBy", equalTo("service-account-channel-search"));
    }

    @Test
    void channelTeamCannotCreateAnExperimentForAnotherChannel() {
        given().auth().oauth2(Tokens.serviceAccount("channel-search"))
                .contentType(ContentType.JSON).body(draft(uniqueKey(), "social")).post(PATH)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void channelTeamCannotSeeAnotherChannelsExperiments() {
        String searchKey = uniqueKey();
        given().auth().oauth2(Tokens.serviceAccount("channel-search"))
                .contentType(ContentType.JSON).body(draft(searchKey, "search")).post(PATH)
                .then().statusCode(201);

        given().auth().oauth2(Tokens.serviceAccount("channel-social")).get(PATH)
                .then().statusCode(200).body("key", not(hasItem(searchKey)));
        given().auth().oauth2(Tokens.serviceAccount("channel-search")).get(PATH)
                .then().statusCode(200).body("key", hasItem(searchKey));
        given().auth().oauth2(Tokens.user("carol")).get(PATH)
                .then().statusCode(200).body("key", hasItem(searchKey));
    }

    @Test
    void aPersonInAChannelTeamIsScopedLikeItsServiceAccount() {
        given().auth().oauth2(Tokens.user("sam"))
                .contentType(ContentType.JSON).body(draft(uniqueKey(), "email")).post(PATH)
                .then().statusCode(403);
    }

    @Test
    void aMalformedKeyIsNamedInTheProblem() {
        given().auth().oauth2(Tokens.serviceAccount("channel-search"))
                .contentType(ContentType.JSON).body(draft("Not A Key!", "search")).post(PATH)
                .then().statusCode(400)
                .body("violations[0].field", equalTo("key"));
    }

    @Test
    void aDuplicateKeyIsAConflict() {
        String key = uniqueKey();
        given().auth().oauth2(Tokens.serviceAccount("channel-email"))
                .contentType(ContentType.JSON).body(draft(key, "email")).post(PATH).then().statusCode(201);
        given().auth().oauth2(Tokens.serviceAccount("channel-email"))
                .contentType(ContentType.JSON).body(draft(key, "email")).post(PATH)
                .then().statusCode(409).contentType("application/problem+json");
    }
}
