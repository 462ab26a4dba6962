package io.mops.gateway.console;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsrfTokenTest {

    private final CsrfToken tokens = new CsrfToken("a-secret-of-at-least-thirty-two-characters");

    @Test
    void aFormCarryingTheCookiesTokenPasses() {
        String token = tokens.issue();
        assertTrue(tokens.matches(token, token));
    }

    @Test
    void aMissingOrDifferentFieldIsRefused() {
        String token = tokens.issue();
        assertFalse(tokens.matches(token, null));
        assertFalse(tokens.matches(token, tokens.issue()));
        assertFalse(tokens.matches(null, token));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedEvenWhenCookieAndFieldAgree() {
        String planted = new CsrfToken("another-secret-of-at-least-thirty-two-chars").issue();
        assertFalse(tokens.matches(planted, planted));
        assertFalse(tokens.genuine("no-dot-at-all"));
        assertFalse(tokens.genuine(".onlysignature"));
    }

    @Test
    void everyIssueIsFresh() {
        assertNotEquals(tokens.issue(), tokens.issue());
    }
}
