package io.mops.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the real local stack: {@code @WithTestResource(MopsInfra.class)}.
 * Every service reads the same {@code MOPS_*} settings, so this is the one place tests get them from.
 */
public class MopsInfra implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return LocalStack.ensureRunning().serviceConfig();
    }

    @Override
    public void stop() {
        // The servers outlive one module's tests on purpose: ./mops test stops them once the whole run is over.
    }
}
