package io.mops.budget;

import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.PackagedServiceTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
@WithTestResource(MopsInfra.class)
class PackagedBudgetIT extends PackagedServiceTest {

    @Override
    protected String protectedRead() {
        return "/budget/approval-policy";
    }
}
