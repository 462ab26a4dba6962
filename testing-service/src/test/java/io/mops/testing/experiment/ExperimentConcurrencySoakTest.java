package io.mops.testing.experiment;

import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static io.mops.testing.ExperimentFixtures.draft;
import static io.mops.testing.ExperimentFixtures.planVariants;
import static io.mops.testing.ExperimentFixtures.start;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many clients changing and reading the same experiments at once, bounded in time (a soak, not a benchmark). A
 * new user once got a 502 from the gateway for a status change while testing-service logged HR000090 ("Live
 * transaction detected while closing the connection"): a request that ended without an answer. Here every request
 * must get an answer a client can act on (200, or a 409 problem for a transition the state no longer allows), and
 * the recorded history must be one chain — two pauses of the same running experiment cannot both succeed.
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class ExperimentConcurrencySoakTest {

    static final String SEARCH = Tokens.serviceAccount("channel-search");
    static final int CLIENTS = 12;
    static final Duration LENGTH = Duration.ofSeconds(20);

    @Test
    void everyRequestIsAnsweredAndTheHistoryStaysOneChain() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String key = draft(SEARCH, "search", Map.of());
            planVariants(SEARCH, key, Map.of("variants", List.of(Map.of("key", "control"), Map.of("key", "bold"))));
            start(SEARCH, key);
            keys.add(key);
        }
        Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + LENGTH.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Random random = new Random(c);
            running.add(clients.submit(() -> {
                while (System.nanoTime() < end) {
                    String key = keys.get(random.nextInt(keys.size()));
                    int pick = random.nextInt(4);
                    String what;
                    Response response;
                    try {
                        if (pick < 2) {
                            String next = pick == 0 ? "PAUSED" : "RUNNING";
                            what = "status " + next;
                            response = given().auth().oauth2(SEARCH).contentType(ContentType.JSON)
                                    .body(Map.of("status", next, "reason", "soak"))
                                    .post("/experiments/" + key + "/status");
                        } else if (pick == 2) {
                            what = "get";
                            response = given().auth().oauth2(SEARCH).get("/experiments/" + key);
                        } else {
                            what = "assign";
                            response = given().auth().oauth2(SEARCH).contentType(ContentType.JSON)
                                    .body(Map.of("unitId", "u-" + random.nextInt(1000)))
                                    .post("/experiments/" + key + "/assignments");
                        }
                    } catch (RuntimeException e) {
                        unexpected.add("no answer: " + e);
                        continue;
                    }
                    int status = response.statusCode();
                    answers.computeIfAbsent(what + " " + status, k -> new AtomicInteger()).incrementAndGet();
                    boolean fine = status == 200 || (status == 409 && !what.equals("get")
                            && response.contentType().startsWith("application/problem+json"));
                    if (!fine) {
                        unexpected.add(what + " " + status + " " + response.body().asString());
                    }
                }
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
        System.out.println("soak answers: " + new TreeMap<>(answers));

        assertEquals(List.of(), unexpected.subList(0, Math.min(10, unexpected.size())));
        assertTrue(answers.keySet().stream().anyMatch(a -> a.startsWith("status PAUSED 200")), answers.toString());
        for (String key : keys) {
            JsonPath detail = given().auth().oauth2(SEARCH).get("/experiments/" + key).then().statusCode(200)
                    .extract().jsonPath();
            List<Map<String, String>> history = detail.getList("history");
            String previous = null;
            for (Map<String, String> transition : history) {
                if (previous != null) {
                    assertEquals(previous, transition.get("from"), key + " history is not one chain: " + history);
                }
                previous = transition.get("to");
            }
            assertEquals(previous, detail.getString("experiment.status"), key + ": " + history);
            assertTrue(Set.of("RUNNING", "PAUSED").contains(previous), previous);
        }
    }
}
