package io.mops.gateway;

import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.PlatformContractTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

@QuarkusTest
@WithTestResource(MopsInfra.class)
@WithTestResource(EchoUpstream.class)
class GatewayPlatformTest extends PlatformContractTest {

    @Override
    protected List<String> requiredReadinessChecks() {
        return List.of(); // no database and no Kafka: the gateway holds no state
    }

    @Override
    protected String protectedRead() {
        return "/api/attribution/x";
    }
}
