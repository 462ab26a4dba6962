package io.mops.gateway.routing;

import io.smallrye.config.ConfigMapping;

import java.util.Map;

@ConfigMapping(prefix = "mops.gateway")
public interface GatewayConfig {

    /**
     * Upstream base URL per first path segment: {@code /api/budget/x} goes to {@code routes.budget} + {@code /budget/x}.
     */
    Map<String, String> routes();
}
