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
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PackagedPlatform platform;
    private static Path plansFile;
    private static String seedOutput;

    @BeforeAll
    static void startThePlatformAndLoadTheDemoData() throws Exception {
        // The gateway's own tests give this caller a tiny limit to see 429s; the flows here are ordinary traffic.
        platform = PackagedPlatform.start(PackagedPlatform.Settings.endToEnd(PackagedPlatform.repositoryRoot())
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

    /** The newest proposal of a plan that waits for approvers, as the CoE reads the plan's moves. */
    private static Optional<String> awaitingProposal(String planId, String coe) {
        JsonPath moves = given().auth().oauth2(coe).queryParam("planId", planId)
                .get(gateway("/budget/reallocations")).then().statusCode(200).extract().jsonPath();
        return Optional.ofNullable(moves.getString("find { it.status == 'AWAITING_APPROVAL' }.id"));
    }

    private static String proposalStatus(String planId, String proposalId, String coe) {
        return given().auth().oauth2(coe).queryParam("planId", planId)
                .get(gateway("/budget/reallocations")).then().statusCode(200).extract().jsonPath()
                .getString("find { it.id == '" + proposalId + "' }.status");
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

    @Test
    void aBudgetMoveAboveThePolicyIsAppliedOnlyAfterTheApproversGrantIt() throws IOException {
        String coe = Tokens.user("carol");
        String alice = Tokens.user("alice");
        String nina = Tokens.user("nina");
        String planId = demoPlan("Demo " + YearMonth.now(ZoneOffset.UTC));

        // A newer proposal may supersede the one an approver is looking at (evidence keeps arriving over Kafka);
        // approval-service then refuses the decision with 409 and the approver takes the newest one.
        for (int attempt = 1; attempt <= 3; attempt++) {
            String proposal = await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                    .until(() -> awaitingProposal(planId, coe), Optional::isPresent).orElseThrow();
            String request = pendingRequestFor(proposal, alice);
            assertEquals("AWAITING_APPROVAL", proposalStatus(planId, proposal, coe),
                    "nothing moves before a person decides");

            Response first = decide(request, alice, "GRANT", "Email earns more per euro this month.");
            if (first.statusCode() == 409) {
                continue;
            }
            JsonPath detail = first.then().statusCode(200).extract().jsonPath();
            if (detail.getInt("approversNeeded") > 1) {
                assertEquals("AWAITING_APPROVAL", proposalStatus(planId, proposal, coe),
                        "one of two approvers is not enough");
                Response second = decide(request, nina, "GRANT", "Agreed.");
                if (second.statusCode() == 409) {
                    continue;
                }
                second.then().statusCode(200);
            }
            await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                    .until(() -> proposalStatus(planId, proposal, coe), equalTo("APPLIED"));
            return;
        }
        throw new AssertionError("every proposal of plan " + planId + " was superseded before the approvers decided");
    }

    @Test
    void aLaunchThatNeedsApprovalCarriesThePersonsDecisionBackToQa() throws IOException {
        String emailTeam = Tokens.serviceAccount("channel-email");
        String alice = Tokens.user("alice");
        Path sample = platform.root().resolve("qa-service/src/main/resources/samples/subtle-email-unsupported-claims.json");
        ObjectNode claims = SampleDates.shiftedToToday((ObjectNode) JSON.readTree(sample.toFile()));
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
        ObjectNode claims = SampleDates.shiftedToToday((ObjectNode) JSON.readTree(sample.toFile()));
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
        String planId = demoPlan("Demo " + YearMonth.now(ZoneOffset.UTC));
        String campaignId = given().auth().oauth2(emailTeam).contentType(ContentType.JSON)
                .body(Map.of("channel", "email", "name", "Cyber Monday reminder", "amount", "2000"))
                .post(gateway("/budget/plans/" + planId + "/campaigns"))
                .then().statusCode(201).extract().path("id");
        ObjectNode submission = SampleDates.shiftedToToday((ObjectNode) JSON.readTree(platform.root()
                .resolve("qa-service/src/main/resources/samples/good-email-black-friday-us.json").toFile()));
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
