package io.mops.qa;

import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.PlatformContractTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(MopsInfra.class)
class QaPlatformTest extends PlatformContractTest {

    @Override
    protected String protectedRead() {
        return "/qa/rule-sets";
    }
}
