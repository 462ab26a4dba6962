package io.mops.approval.notify;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Signs webhook deliveries the way receivers (Slack, GitHub, Stripe) commonly check them: HMAC-SHA256 with the
 * group's secret over {@code <timestamp>.<body>}, sent as {@code X-Mops-Signature: sha256=<hex>} with the timestamp
 * (Unix seconds) in {@code X-Mops-Timestamp}. The timestamp inside the signature lets a receiver refuse replays.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Mops-Signature";
    public static final String TIMESTAMP_HEADER = "X-Mops-Timestamp";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waiting time before attempt {@code attempt} (1-based) after a failure: base doubled each time, capped. */
    public static Duration backoff(int attempt, Duration base, Duration cap) {
        Duration wait = base.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(cap) > 0 ? cap : wait;
    }
}
