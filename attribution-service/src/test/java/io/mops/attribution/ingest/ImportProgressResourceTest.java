package io.mops.attribution.ingest;

import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(MopsInfra.class)
class ImportProgressResourceTest {

    private static final String IMPORTS = "/attribution/imports";
    private final TestDatabase db = TestDatabase.named("mops_attribution_test");

    @TestHTTPResource("/attribution/touchpoints")
    URI touchpoints;

    /** The running touchpoint import of this test's caller, as {@code token} sees the list; null when not listed. */
    private static Map<String, Object> runningImport(String token, String startedBy) {
        JsonPath list = given().auth().oauth2(token).get(IMPORTS).then().statusCode(200).extract().jsonPath();
        return list.getMap("find { it.kind == 'touchpoints' && it.startedBy == '" + startedBy + "' }");
    }

    @Test
    void aClientSeesHowFarItsImportHasComeWhileItWaitsAndNothingIsCommittedBeforeTheEnd() throws Exception {
        String search = Tokens.serviceAccount("channel-search");
        String caller = "service-account-channel-search";
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            ids.add(UUID.randomUUID());
        }
        PipedInputStream body = new PipedInputStream(1 << 16);
        PipedOutputStream writer = new PipedOutputStream(body);
        HttpRequest request = HttpRequest.newBuilder(touchpoints)
                .header("Authorization", "Bearer " + search).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            CompletableFuture<HttpResponse<String>> answer = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            // Written by this thread, which stays alive until it closes the body (a piped stream's rule).
            for (UUID id : ids) {
                writer.write((TouchpointImportResourceTest.jsonLine(id, "search") + "\n").getBytes(StandardCharsets.UTF_8));
            }
            writer.flush();

            // The body is not finished: the answer has not come, but the list shows the lines read so far.
            Map<String, Object> running = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> runningImport(search, caller),
                            r -> r != null && ((Number) r.get("linesRead")).longValue() >= 2_000);
            assertTrue(!answer.isDone(), "the import answers only once its body is complete");
            assertEquals(0, ((Number) running.get("rejectedLines")).longValue());
            assertEquals(0, db.count("select count(*) from touchpoint where event_id = ?", ids.get(0)),
                    "what an import wrote is committed only at its end");
            assertTrue(runningImport(Tokens.user("carol"), caller) != null, "the CoE sees every running import");
            assertEquals(null, runningImport(Tokens.serviceAccount("channel-social"), caller),
                    "another team does not see this team's import");

            writer.close();
            HttpResponse<String> done = answer.get(60, TimeUnit.SECONDS);
            assertEquals(200, done.statusCode(), done.body());
            assertEquals(2_500, JsonPath.from(done.body()).getInt("received"));
            String id = running.get("id").toString();
            given().auth().oauth2(search).get(IMPORTS).then().statusCode(200)
                    .body("findAll { it.id == '" + id + "' }.size()", org.hamcrest.Matchers.equalTo(0));
            assertEquals(1, db.count("select count(*) from touchpoint where event_id = ?", ids.get(2_499)));
        }
    }
}
