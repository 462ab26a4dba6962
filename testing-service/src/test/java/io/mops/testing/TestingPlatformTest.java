package io.mops.testing;

import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.PlatformContractTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(MopsInfra.class)
class TestingPlatformTest extends PlatformContractTest {

    @Override
    protected String protectedRead() {
        return "/experiments";
    }
}
