package io.mops.gateway.console;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Signed double-submit CSRF tokens: {@code <random>.<HMAC-SHA256(key, random)>}, kept in a SameSite=Strict,
 * HttpOnly cookie and repeated in a hidden field of every console form. Another site can make the browser send the
 * cookie (not with SameSite=Strict in current browsers, but older ones do) yet can read neither cookie nor page, so it
 * cannot fill in the field; the signature stops a cookie planted from a sibling domain. Written by hand because
 * quarkus-rest-csrf, which does the same, is not published for the Quarkus version of this build.
 */
final class CsrfToken {

    static final String COOKIE = "mops-csrf";
    static final String FIELD = "csrf-token";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;

    CsrfToken(String secret) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    String issue() {
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        String random = B64.encodeToString(nonce);
        return random + "." + sign(random);
    }

    /** A token this key signed. */
    boolean genuine(String token) {
        if (token == null) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        return constantTimeEquals(sign(token.substring(0, dot)), token.substring(dot + 1));
    }

    /** The form's token is the cookie's, and this key signed it. */
    boolean matches(String cookie, String field) {
        return genuine(cookie) && field != null && constantTimeEquals(cookie, field);
    }

    private String sign(String random) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(random.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
