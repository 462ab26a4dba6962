package io.mops.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mops.testsupport.PackagedPlatform;
import io.mops.testsupport.SampleDates;
import io.mops.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The platform as a newcomer meets it: the packaged services started side by side, the demo data of
 * {@code ./mops up} loaded through their APIs ({@code infra/demo/seed}), then the cross-service flows driven through
 * the gateway with real people's and service accounts' tokens — evidence from attribution moving money in budget only
 * after approvers sign off in approval-service, and a QA verdict waiting for a person's launch decision.
 */
class PlatformFlowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /**
     * The day the platform believes it is, and the demo data is loaded for: far from the Black Friday the demo was
     * first written for and from the day the test runs, so that anything the demo pinned to a date shows here.
     */
    static final LocalDate DEMO_DAY = LocalDate.of(2027, 5, 19);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PackagedPlatform platform;
    private static Path plansFile;
    private static String seedOutput;

    @BeforeAll
    static void startThePlatformAndLoadTheDemoData() throws Exception {
        // The gateway's own tests give this caller a tiny limit to see 429s; the flows here are ordinary traffic.
        // Every service's clock reads noon of the demo day when the platform starts (mops.clock.offset).
        Duration offset = Duration.between(Instant.now(), DEMO_DAY.atTime(12, 0).toInstant(ZoneOffset.UTC));
        platform = PackagedPlatform.start(PackagedPlatform.Settings.endToEnd(PackagedPlatform.repositoryRoot())
                .withProperties(Map.of("mops.clock.offset", offset.toString(),
                        // Six JVMs starting at once on a busy machine: give Keycloak and PostgreSQL time to answer.
                        "quarkus.oidc.connection-delay", "2M", "quarkus.oidc-client.connection-delay", "2M",
                        "quarkus.oidc-client.connection-timeout", "30S",
                        "quarkus.datasource.jdbc.acquisition-timeout", "60S"))
                .withServiceProperties("gateway",
                        Map.of("%test.mops.gateway.rate-limit.per-caller.\"service-account-channel-email\"", "600")));
        plansFile = Files.createTempFile("mops-e2e-plans", ".txt");
        Files.delete(plansFile); // the seed creates plans only when its file does not know them yet
        seedOutput = seed();
    }

    @AfterAll
    static void stopThePlatform() throws IOException {
        if (platform != null) {
            platform.close();
        }
        if (plansFile != null) {
            Files.deleteIfExists(plansFile);
        }
    }

    private static String seed() throws Exception {
        Path output = platform.log("seed");
        ProcessBuilder seed = new ProcessBuilder("bash", platform.root().resolve("infra/demo/seed").toString())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = seed.environment();
        env.put("MOPS_OIDC_URL", platform.oidcUrl());
        env.put("MOPS_ATTRIBUTION_URL", platform.url("attribution-service"));
        env.put("MOPS_BUDGET_URL", platform.url("budget-service"));
        env.put("MOPS_TESTING_URL", platform.url("testing-service"));
        env.put("MOPS_QA_URL", platform.url("qa-service"));
        env.put("MOPS_APPROVAL_URL", platform.url("approval-service"));
        env.put("MOPS_DEMO_PLANS_FILE", plansFile.toString());
        env.put("MOPS_DEMO_TODAY", DEMO_DAY.toString());
        Process process = seed.start();
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "the demo seed did not finish within 10 minutes");
        String printed = Files.readString(output);
        assertEquals(0, process.exitValue(), "the demo seed failed:\n" + printed);
        return printed;
    }

    private static String gateway(String path) {
        return platform.gateway() + "/api" + path;
    }

    private static String demoPlan(String name) throws IOException {
        return Files.readAllLines(plansFile).stream()
                .filter(line -> line.startsWith(name + "="))
                .map(line -> line.substring(name.length() + 1))
                .reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("the seed recorded no plan '" + name + "':\n" + seedOutput));
    }

    /** The pending approval request that names {@code reference}, once approval-service has received it. */
    private static String pendingRequestFor(String reference, String approver) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(
                () -> given().auth().oauth2(approver).get(gateway("/approvals/pending"))
                        .then().statusCode(200).extract().jsonPath()
                        .getString("find { it.reference == '" + reference + "' }.id"),
                id -> id != null);
    }

    private static Response decide(String requestId, String approver, String verdict, String comment) {
        return given().auth().oauth2(approver).contentType(ContentType.JSON)
                .body(Map.of("verdict", verdict, "comment", comment))
                .post(gateway("/approvals/" + requestId + "/decisions"));
    }

    @Test
    void theDemoDataLoadsThroughThePublicApis() {
        assertTrue(seedOutput.contains("attribution:"), seedOutput);
        assertTrue(seedOutput.contains("budget:"), seedOutput);
        assertTrue(seedOutput.contains("testing: running"), seedOutput);
        assertTrue(seedOutput.contains("qa:"), seedOutput);
    }

    /**
     * What the README's "Demo data" paragraph and guided tour promise, checked on {@link #DEMO_DAY}: attribution
     * credit for the three channels, this month's plan and the short plan, the small plan's move applied and the big
     * plan's waiting for an approver, one running experiment per channel with results, and the email team's two QA
     * runs — a clean newsletter that passes and one with unsubstantiated claims that waits for an approver.
     */
    @Test
    void theDemoTellsTheReadmesStoryOnAnyDay() {
        String carol = Tokens.user("carol");
        String credit = given().auth().oauth2(carol).queryParam("from", DEMO_DAY.minusDays(35).toString())
                .queryParam("to", DEMO_DAY.toString()).queryParam("currency", "EUR")
                .queryParam("model", "last-touch", "linear", "markov-1")
                .get(gateway("/attribution/journeys/credit")).then().statusCode(200).extract().asString();
        for (String channel : List.of("search", "social", "email")) {
            assertTrue(credit.contains("\"" + channel + "\""), "no credit for " + channel + ": " + credit);
        }

        String month = "Demo " + YearMonth.from(DEMO_DAY);
        given().auth().oauth2(carol).queryParam("activeOn", DEMO_DAY.toString()).queryParam("name", "Demo ")
                .get(gateway("/budget/plans")).then().statusCode(200)
                .body("name", hasItems(month, "Demo Black Friday week"))
                .body("find { it.name == '" + month + "' }.total", equalTo(60000.0f))
                .body("find { it.name == 'Demo Black Friday week' }.total", equalTo(16000.0f));

        Matcher moves = Pattern.compile("moves: month \\[([^]]*)], week \\[([^]]*)]").matcher(seedOutput);
        assertTrue(moves.find(), seedOutput);
        assertTrue(moves.group(1).contains("AWAITING_APPROVAL"), "the month plan's move waits for approval: " + seedOutput);
        assertTrue(moves.group(2).contains("APPLIED"), "the short plan's small move applies at once: " + seedOutput);

        for (String channel : List.of("search", "social", "email")) {
            String team = Tokens.serviceAccount("channel-" + channel);
            JsonPath results = given().auth().oauth2(team)
                    .get(gateway("/experiments/demo-" + channel + "-black-friday/results"))
                    .then().statusCode(200).extract().jsonPath();
            assertEquals("RUNNING", results.getString("status"), channel);
            assertEquals(600L, results.getList("periods.exposures", Long.class).stream().mapToLong(Long::longValue).sum(),
                    channel + ": " + results.prettify());
        }

        assertTrue(seedOutput.contains("good-email-black-friday-us: pass"), seedOutput);
        assertTrue(seedOutput.contains("subtle-email-unsupported-claims: needs-approval"), seedOutput);
        Matcher pending = Pattern.compile("approval-service: (\\d+) pending").matcher(seedOutput);
        assertTrue(pending.find() && Integer.parseInt(pending.group(1)) >= 2,
                "the budget move and the QA run wait for alice: " + seedOutput);
    }

    /**
     * The README's guided tour, its bash blocks run as written (with the platform's addresses and the demo day in
     * {@code GW}, {@code KC} and {@code TODAY}). It is also the budget flow: after the first three blocks the move of
     * the month's plan still waits (nothing moves before a person decides); after alice's grant (and nina's, when the
     * amount needs four eyes) it is applied.
     */
    @Test
    void theReadmesGuidedTourRunsAsWritten() throws Exception {
        List<String> blocks = tourBlocks();
        assertEquals(6, blocks.size(), "the tour has a block for the tokens and one per step");

        String untilTheMove = runTour(blocks.subList(0, 3));
        assertTrue(untilTheMove.contains("\"name\": \"Demo " + YearMonth.from(DEMO_DAY) + "\""), untilTheMove);
        assertTrue(untilTheMove.contains("\"status\": \"AWAITING_APPROVAL\""), "nothing moves before a person decides:\n"
                + untilTheMove);

        String whole = runTour(blocks);
        assertTrue(whole.contains("\"status\": \"APPLIED\""), "the move is applied once granted:\n" + whole);
        assertTrue(whole.contains("\"decidedBy\""), whole);
        assertTrue(whole.contains("\"variantKey\": \"countdown-subject\""), whole);
        assertTrue(whole.contains("\"verdict\": \"pass\""), "the clean newsletter passes:\n" + whole);
        assertTrue(whole.contains("\"verdict\": \"needs-approval\""), whole);
        assertTrue(whole.contains("\"channel\": \"email\""), whole);
    }

    /** The bash blocks of the README's "Guided tour" section, in order. */
    private static List<String> tourBlocks() throws IOException {
        String readme = Files.readString(platform.root().resolve("README.md"));
        int start = readme.indexOf("\n## Guided tour");
        assertTrue(start >= 0, "the README has no guided tour");
        int end = readme.indexOf("\n## ", start + 1);
        String tour = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> blocks = new java.util.ArrayList<>();
        Matcher block = Pattern.compile("```bash\n(.*?)```", Pattern.DOTALL).matcher(tour);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }

    private static String runTour(List<String> blocks) throws Exception {
        Path script = Files.createTempFile("mops-tour", ".sh");
        Files.writeString(script, "set -euo pipefail\n" + String.join("\n", blocks));
        ProcessBuilder tour = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        tour.environment().put("GW", platform.gateway());
        tour.environment().put("KC", platform.oidcUrl() + "/protocol/openid-connect/token");
        tour.environment().put("TODAY", DEMO_DAY.toString());
        Process process = tour.start();
        String printed = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the tour did not finish:\n" + printed);
        Files.delete(script);
        assertEquals(0, process.exitValue(), "the tour failed:\n" + printed);
        return printed;
    }

    @Test
    void aLaunchThatNeedsApprovalCarriesThePersonsDecisionBackToQa() throws IOException {
        String emailTeam = Tokens.serviceAccount("channel-email");
        String alice = Tokens.user("alice");
        Path sample = platform.root().resolve("qa-service/src/main/resources/samples/subtle-email-unsupported-claims.json");
        ObjectNode claims = SampleDates.shifted((ObjectNode) JSON.readTree(sample.toFile()), DEMO_DAY);
        JsonPath run = given().auth().oauth2(emailTeam).contentType(ContentType.JSON).body(claims.toString())
                .post(gateway("/qa/runs")).then().statusCode(201).extract().jsonPath();
        assertEquals("needs-approval", run.getString("verdict"));
        String runId = run.getString("id");

        String request = pendingRequestFor(runId, alice);
        decide(request, alice, "REJECT", "Substantiate 'guaranteed' before this goes out.").then().statusCode(200);

        JsonPath decided = await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(
                () -> given().auth().oauth2(emailTeam).get(gateway("/qa/runs/" + runId))
                        .then().statusCode(200).extract().jsonPath(),
                view -> "REJECTED".equals(view.getString("approval.status")));
        assertEquals("alice", decided.getString("approval.decidedBy"));
    }

    @Test
    void aRejectionThatTeachesTheBrandVoiceAddsTheCopyToTheBrandsCorpus() throws IOException {
        String emailTeam = Tokens.serviceAccount("channel-email");
        String alice = Tokens.user("alice");
        String carol = Tokens.user("carol");
        String brand = "e2e-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Path sample = platform.root().resolve("qa-service/src/main/resources/samples/subtle-email-unsupported-claims.json");
        ObjectNode claims = SampleDates.shifted((ObjectNode) JSON.readTree(sample.toFile()), DEMO_DAY);
        claims.put("brand", brand);
        String subject = claims.at("/creatives/email/subject").asText();
        JsonPath run = given().auth().oauth2(emailTeam).contentType(ContentType.JSON).body(claims.toString())
                .post(gateway("/qa/runs")).then().statusCode(201).extract().jsonPath();
        assertEquals("needs-approval", run.getString("verdict"));

        String request = pendingRequestFor(run.getString("id"), alice);
        given().auth().oauth2(alice).get(gateway("/approvals/" + request)).then().statusCode(200)
                .body("evidence.schema", equalTo("LaunchEvidence"))
                .body("evidence.content.brand", equalTo(brand));
        given().auth().oauth2(alice).contentType(ContentType.JSON)
                .body(Map.of("verdict", "REJECT", "comment", "We never promise guaranteed results.",
                        "teachBrandVoice", true))
                .post(gateway("/approvals/" + request + "/decisions")).then().statusCode(200);

        JsonPath corpus = await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(
                () -> given().auth().oauth2(carol).get(gateway("/qa/brands/" + brand + "/examples"))
                        .then().statusCode(200).extract().jsonPath(),
                examples -> examples.getList("$").size() == 1);
        assertEquals("REJECTED", corpus.getString("[0].stance"));
        assertEquals("We never promise guaranteed results.", corpus.getString("[0].reason"));
        assertTrue(corpus.getString("[0].text").startsWith(subject), corpus.getString("[0].text"));
    }

    @Test
    void qaHoldsACampaignsBudgetAgainstWhatBudgetServiceHoldsForIt() throws IOException {
        String emailTeam = Tokens.serviceAccount("channel-email");
        String planId = demoPlan("Demo " + YearMonth.from(DEMO_DAY));
        String campaignId = given().auth().oauth2(emailTeam).contentType(ContentType.JSON)
                .body(Map.of("channel", "email", "name", "Cyber Monday reminder", "amount", "2000"))
                .post(gateway("/budget/plans/" + planId + "/campaigns"))
                .then().statusCode(201).extract().path("id");
        ObjectNode submission = SampleDates.shifted((ObjectNode) JSON.readTree(platform.root()
                .resolve("qa-service/src/main/resources/samples/good-email-black-friday-us.json").toFile()), DEMO_DAY);
        submission.put("budgetCampaignId", campaignId);
        ObjectNode budget = (ObjectNode) submission.get("budget");
        budget.put("currency", "EUR");

        budget.put("amount", 1500);
        JsonPath within = given().auth().oauth2(emailTeam).contentType(ContentType.JSON).body(submission.toString())
                .post(gateway("/qa/runs")).then().statusCode(201).extract().jsonPath();
        assertEquals("info", within.getString("findings.find { it.ruleId == 'plan.budget-held' }.severity"),
                within.prettify());

        budget.put("amount", 2500);
        JsonPath above = given().auth().oauth2(emailTeam).contentType(ContentType.JSON).body(submission.toString())
                .post(gateway("/qa/runs")).then().statusCode(201).extract().jsonPath();
        assertEquals("block", above.getString("findings.find { it.ruleId == 'plan.budget-held' }.severity"),
                above.prettify());
        assertEquals("blocked", above.getString("verdict"));
    }

    /**
     * The launch chain of one campaign, by its one key across services (issue 15, issue 18): a budget campaign and an
     * experiment carry QA's campaign key; the experiment asked to start waits; the campaign is submitted to QA, needs
     * an approval and gets it; qa-service's clearance then clears the budget campaign, which is funded with its
     * planned budget by itself, and starts the experiment by itself.
     */
    @Test
    void aClearedCampaignIsFundedAndItsWaitingExperimentStartsByItself() throws IOException {
        String emailTeam = Tokens.serviceAccount("channel-email");
        String alice = Tokens.user("alice");
        String nina = Tokens.user("nina");
        String key = "e2e-chain-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String planId = demoPlan("Demo " + YearMonth.from(DEMO_DAY));
        String budgetCampaign = given().auth().oauth2(emailTeam).contentType(ContentType.JSON)
                .body(Map.of("channel", "email", "name", "Launch chain " + key, "amount", "0", "campaignKey", key,
                        "plannedAmount", "100"))
                .post(gateway("/budget/plans/" + planId + "/campaigns"))
                .then().statusCode(201).body("campaignKey", equalTo(key)).body("amount", equalTo(0.0f))
                .body("plannedAmount", equalTo(100.0f)).extract().path("id");

        given().auth().oauth2(emailTeam).contentType(ContentType.JSON)
                .body(Map.of("key", key, "name", "Launch chain", "channel", "email", "campaignId", key))
                .post(gateway("/experiments")).then().statusCode(201);
        given().auth().oauth2(emailTeam).contentType(ContentType.JSON)
                .body(Map.of("variants", List.of(Map.of("key", "control"), Map.of("key", "bold"))))
                .put(gateway("/experiments/" + key + "/variants")).then().statusCode(200);
        given().auth().oauth2(emailTeam).contentType(ContentType.JSON).body(Map.of("reason", "launch with the newsletter"))
                .post(gateway("/experiments/" + key + "/start")).then().statusCode(202)
                .body("experiment.status", equalTo("AWAITING_CLEARANCE"))
                .body("launch.state", equalTo("NOT_CLEARED"));

        Path sample = platform.root().resolve("qa-service/src/main/resources/samples/subtle-email-unsupported-claims.json");
        ObjectNode submission = SampleDates.shifted((ObjectNode) JSON.readTree(sample.toFile()), DEMO_DAY);
        submission.put("campaignId", key);
        JsonPath run = given().auth().oauth2(emailTeam).contentType(ContentType.JSON).body(submission.toString())
                .post(gateway("/qa/runs")).then().statusCode(201).extract().jsonPath();
        assertEquals("needs-approval", run.getString("verdict"), run.prettify());
        String runId = run.getString("id");

        String request = pendingRequestFor(runId, alice);
        decide(request, alice, "GRANT", "Claims substantiated on file.").then().statusCode(200);
        // Where the launch policy asks for a second approver, nina signs too.
        List<String> stillPending = given().auth().oauth2(nina).get(gateway("/approvals/pending")).then()
                .statusCode(200).extract().jsonPath().getList("id");
        if (stillPending.contains(request)) {
            decide(request, nina, "GRANT", "Agreed.").then().statusCode(200);
        }

        JsonPath experiment = await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(
                () -> given().auth().oauth2(emailTeam).get(gateway("/experiments/" + key))
                        .then().statusCode(200).extract().jsonPath(),
                view -> "RUNNING".equals(view.getString("experiment.status")));
        assertEquals("CLEARED", experiment.getString("launch.state"));
        assertEquals(runId, experiment.getString("launch.qaRunId"));
        assertEquals("AWAITING_CLEARANCE", experiment.getString("history[-1].from"));
        assertEquals("qa-service (QA run " + runId + ")", experiment.getString("history[-1].by"));

        // Funded by the clearance itself: the planned 100 becomes the budget, nobody raises it by hand.
        JsonPath budget = await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(
                () -> given().auth().oauth2(emailTeam).get(gateway("/budget/campaigns/" + budgetCampaign))
                        .then().statusCode(200).extract().jsonPath(),
                view -> "CLEARED".equals(view.getString("launch.state")) && view.getBoolean("launch.funded"));
        assertEquals(key, budget.getString("launch.qaCampaignId"));
        assertEquals(runId, budget.getString("launch.qaRunId"));
        assertEquals(runId, budget.getString("launch.fundedByRun"));
        assertEquals(100.0f, budget.getFloat("amount"), 0.001);
        assertEquals(null, budget.getString("plannedAmount"));
    }

    @Test
    void throughTheGatewayAChannelTeamSeesOnlyItsOwnChannel() {
        String sam = Tokens.user("sam"); // channel team of search
        List<String> channels = given().auth().oauth2(sam).get(gateway("/experiments"))
                .then().statusCode(200).body("key", hasItem("demo-search-black-friday"))
                .body("channel", everyItem(equalTo("search")))
                .extract().jsonPath().getList("channel");
        assertNotNull(channels);
        given().auth().oauth2(sam).get(gateway("/budget/approval-policy")).then().statusCode(403);
        given().accept(ContentType.JSON).get(gateway("/experiments")).then().statusCode(401);
    }
}
