package io.mops.gateway.limits;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouteAllowancesTest {

    record Route(String path, Optional<List<String>> methods, int requestsPerMinute, Map<String, Integer> perCaller)
            implements RateLimitConfig.RouteLimit {
    }

    record Config(int requestsPerMinute, Map<String, Integer> perCaller, Map<String, RateLimitConfig.RouteLimit> routes,
                  int replicas) implements RateLimitConfig {
    }

    private static final Map<String, RateLimitConfig.RouteLimit> ROUTES = Map.of(
            "assignments", new Route("/experiments/*/assignments/**", Optional.empty(), 60000, Map.of("site-b", 1000)),
            "exposures", new Route("/experiments/*/exposures", Optional.of(List.of("POST")), 30000, Map.of()));

    @Test
    void aRequestCountsAgainstTheRouteItMatchesOrTheGeneralAllowance() {
        RouteAllowances allowances = new RouteAllowances(new Config(600, Map.of("bulk", 5000), ROUTES, 1));

        assertEquals(new RouteAllowances.Allowance("assignments site-a", "assignments", 60000),
                allowances.of("POST", "/experiments/hero-banner/assignments", "site-a"));
        assertEquals(60000, allowances.of("POST", "/experiments/hero-banner/assignments/bulk", "site-a").perMinute());
        assertEquals(1000, allowances.of("GET", "/experiments/k/assignments", "site-b").perMinute());
        assertEquals("exposures", allowances.of("POST", "/experiments/k/exposures", "site-a").route());
        // A GET of exposures is not the website's traffic, and a key cannot span segments.
        assertEquals(RouteAllowances.GENERAL, allowances.of("GET", "/experiments/k/exposures", "site-a").route());
        assertEquals(RouteAllowances.GENERAL, allowances.of("POST", "/experiments/a/b/exposures", "site-a").route());
        assertEquals(RouteAllowances.GENERAL, allowances.of("POST", "/experiments/k/assignmentsX", "site-a").route());
        assertEquals(600, allowances.of("GET", "/budget/plans", "alice").perMinute());
        assertEquals(5000, allowances.of("GET", "/budget/plans", "bulk").perMinute());
        // Buckets are per route and caller: a caller's assignments never use up its general allowance.
        assertNotEquals(allowances.of("POST", "/experiments/k/assignments", "a").bucket(),
                allowances.of("GET", "/budget/plans", "a").bucket());
    }

    @Test
    void eachReplicaEnforcesItsShareRoundedUp() {
        RouteAllowances two = new RouteAllowances(new Config(601, Map.of("slow", 1), ROUTES, 2));
        assertEquals(301, two.of("GET", "/budget/plans", "alice").perMinute());
        assertEquals(30000, two.of("GET", "/experiments/k/assignments", "x").perMinute());
        assertEquals(1, two.of("GET", "/budget/plans", "slow").perMinute(), "never below one");
    }

    @Test
    void aMisconfiguredAllowanceStopsTheStartWithTheKey() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> new RouteAllowances(
                new Config(600, Map.of(), Map.of("x", new Route("/x", Optional.empty(), 0, Map.of())), 1)));
        assertTrue(zero.getMessage().contains("routes.x.requests-per-minute"), zero.getMessage());
        IllegalArgumentException path = assertThrows(IllegalArgumentException.class, () -> new RouteAllowances(
                new Config(600, Map.of(), Map.of("y", new Route("y/*", Optional.empty(), 5, Map.of())), 1)));
        assertTrue(path.getMessage().contains("routes.y.path"), path.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RouteAllowances(new Config(600, Map.of(), Map.of(), 0)));
    }
}
