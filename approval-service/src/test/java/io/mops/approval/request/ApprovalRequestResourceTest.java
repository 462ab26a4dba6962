package io.mops.approval.request;

import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@WithTestResource(MopsInfra.class)
class ApprovalRequestResourceTest {

    static final String PATH = "/approvals/pending";

    @Test
    void withoutATokenTheAnswerIs401() {
        given().get(PATH).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aChannelTeamCannotSeeTheApprovalQueue() {
        given().auth().oauth2(Tokens.serviceAccount("channel-social")).get(PATH).then().statusCode(403);
    }

    @Test
    void anApproverSignedInWithAPasswordSeesPendingRequests() {
        UUID id = UUID.randomUUID();
        TestDatabase.named("mops_approval_test").update("""
                insert into approval_request (id, subject, kind, summary, channel, status, requested_by, requested_at)
                values (?, 'campaign:bf-2026', 'ReallocationProposal', 'move 12% from social to search', 'search',
                        'PENDING', 'budget-service', now())""", id);
        TestDatabase.named("mops_approval_test").update("""
                insert into approval_stage (request_id, position, name, group_list, quorum, opened_at)
                values (?, 0, 'approval', 'approver', 1, now())""", id);

        given().auth().oauth2(Tokens.user("alice")).get(PATH)
                .then().statusCode(200).body("id", hasItem(id.toString()));
    }
}
