package io.mops.gateway;

import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.PlatformContractTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

import java.util.List;

/** The platform contract against the packaged gateway (see {@link io.mops.testsupport.PackagedServiceTest}). */
@QuarkusIntegrationTest
@WithTestResource(MopsInfra.class)
@WithTestResource(EchoUpstream.class)
class PackagedGatewayIT extends PlatformContractTest {

    @Override
    protected List<String> requiredReadinessChecks() {
        return List.of();
    }

    @Override
    protected String protectedRead() {
        return "/api/attribution/x";
    }
}
