package io.mops.attribution;

import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.PlatformContractTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(MopsInfra.class)
class AttributionPlatformTest extends PlatformContractTest {

    @Override
    protected String protectedRead() {
        return "/attribution/channel-performance";
    }
}
