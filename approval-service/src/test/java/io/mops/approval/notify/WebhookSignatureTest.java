package io.mops.approval.notify;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WebhookSignatureTest {

    @Test
    void theSignatureIsHmacSha256OverTimestampDotBody() {
        // Reference computed with Python: hmac.new(secret, b'1700000000.{"text":"hi"}', hashlib.sha256).hexdigest()
        assertEquals("sha256=f98ba120b1d8bff7b2a2f6078cf9826b9c273d51f1417d034b0f100b68b7e8f3",
                WebhookSignature.sign("whsec-mops-test-0123456789", 1_700_000_000L, "{\"text\":\"hi\"}"));
    }

    @Test
    void retriesBackOffExponentiallyUpToTheCap() {
        Duration base = Duration.ofSeconds(30);
        Duration cap = Duration.ofMinutes(10);
        assertEquals(Duration.ofSeconds(30), WebhookSignature.backoff(1, base, cap));
        assertEquals(Duration.ofSeconds(60), WebhookSignature.backoff(2, base, cap));
        assertEquals(Duration.ofSeconds(240), WebhookSignature.backoff(4, base, cap));
        assertEquals(cap, WebhookSignature.backoff(6, base, cap));
        assertEquals(cap, WebhookSignature.backoff(60, base, cap));
    }
}
