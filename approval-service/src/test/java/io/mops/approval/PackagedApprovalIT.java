package io.mops.approval;

import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.PackagedServiceTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
@WithTestResource(MopsInfra.class)
class PackagedApprovalIT extends PackagedServiceTest {

    @Override
    protected String protectedRead() {
        return "/approvals/pending";
    }
}
