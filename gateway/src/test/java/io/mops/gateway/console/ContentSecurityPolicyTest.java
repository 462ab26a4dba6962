package io.mops.gateway.console;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentSecurityPolicyTest {

    @Test
    void scriptsComeOnlyFromTheGatewayAndFormsMayReachKeycloak() {
        String csp = ContentSecurityPolicy.policy(ContentSecurityPolicy.origin("http://localhost:8180/realms/mops"));
        assertTrue(csp.contains("script-src 'self';"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertFalse(csp.contains("unsafe-eval"), csp);
        assertTrue(csp.endsWith("form-action 'self' http://localhost:8180"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    }

    @Test
    void anEmailUnderReviewRunsNoScriptAndLoadsNothingFromOutside() {
        String csp = ContentSecurityPolicy.EMAIL_POLICY;
        assertTrue(csp.startsWith("sandbox;"), csp);
        assertTrue(csp.contains("default-src 'none'"), csp);
        assertFalse(csp.contains("script-src"), "scripts fall back to default-src 'none': " + csp);
        assertFalse(csp.contains("http"), csp);
    }

    @Test
    void theOriginDropsPathAndKeepsPort() {
        assertEquals("https://sso.example.com", ContentSecurityPolicy.origin("https://sso.example.com/realms/mops"));
        assertEquals("http://localhost:8210", ContentSecurityPolicy.origin("http://localhost:8210/realms/mops"));
    }
}
