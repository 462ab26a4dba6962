package io.mops.budget.activation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The platforms' answers as they document them, and what the sender makes of each. */
class AnswersTest {

    private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");

    private static PlatformAnswer answer(int status, String body, String retryAfter) {
        return new PlatformAnswer(status, body, Optional.ofNullable(retryAfter));
    }

    @Test
    void googleAnswers() {
        assertInstanceOf(Verdict.Done.class, GoogleAdsConnector.judgeAnswer(answer(200,
                "{\"results\":[{\"resourceName\":\"customers/1/campaignBudgets/2\"}]}", null), NOW));
        assertInstanceOf(Verdict.TokenRefused.class, GoogleAdsConnector.judgeAnswer(answer(401,
                "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials.\","
                        + "\"status\":\"UNAUTHENTICATED\"}}", null), NOW));
        Verdict.Retry limited = (Verdict.Retry) GoogleAdsConnector.judgeAnswer(answer(429,
                "{\"error\":{\"code\":429,\"message\":\"Resource has been exhausted\",\"status\":\"RESOURCE_EXHAUSTED\"}}",
                "3"), NOW);
        assertEquals(Optional.of(Duration.ofSeconds(3)), limited.after());
        assertInstanceOf(Verdict.Retry.class, GoogleAdsConnector.judgeAnswer(answer(503, "unavailable", null), NOW));
        assertInstanceOf(Verdict.Retry.class, GoogleAdsConnector.judgeAnswer(PlatformAnswer.lost(
                new java.net.ConnectException("Connection refused")), NOW));
        Verdict.Refused refused = (Verdict.Refused) GoogleAdsConnector.judgeAnswer(answer(400,
                "{\"error\":{\"code\":400,\"message\":\"Request contains an invalid argument.\","
                        + "\"status\":\"INVALID_ARGUMENT\"}}", null), NOW);
        assertEquals("400 INVALID_ARGUMENT: Request contains an invalid argument.", refused.reason());
    }

    @Test
    void metaAnswers() {
        assertInstanceOf(Verdict.Done.class, MetaConnector.judgeAnswer(answer(200, "{\"success\":true}", null), NOW));
        Verdict.Refused invalid = (Verdict.Refused) MetaConnector.judgeAnswer(answer(400,
                "{\"error\":{\"message\":\"(#100) Invalid parameter\",\"type\":\"OAuthException\",\"code\":100,"
                        + "\"error_subcode\":1885272,\"fbtrace_id\":\"AbC\"}}", null), NOW);
        assertEquals("400 code 100: (#100) Invalid parameter", invalid.reason());
        // Meta's throttling comes as an error code, with HTTP 400.
        assertInstanceOf(Verdict.Retry.class, MetaConnector.judgeAnswer(answer(400,
                "{\"error\":{\"message\":\"User request limit reached\",\"type\":\"OAuthException\",\"code\":17}}",
                null), NOW));
        assertInstanceOf(Verdict.Retry.class, MetaConnector.judgeAnswer(answer(400,
                "{\"error\":{\"message\":\"There have been too many calls to this ad-account.\",\"code\":80004}}",
                null), NOW));
        Verdict.Refused expired = (Verdict.Refused) MetaConnector.judgeAnswer(answer(400,
                "{\"error\":{\"message\":\"Error validating access token\",\"type\":\"OAuthException\",\"code\":190}}",
                null), NOW);
        assertTrue(expired.reason().contains("renew mops.budget.activation.meta.access-token"), expired.reason());
    }

    @Test
    void retryAfterInSecondsOrAsADateAndTheBackoffOtherwise() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), Backoff.retryAfter(Optional.of("7"), NOW));
        assertEquals(Optional.of(Duration.ofSeconds(90)),
                Backoff.retryAfter(Optional.of("Tue, 08 Dec 2026 10:01:30 GMT"), NOW));
        assertEquals(Optional.empty(), Backoff.retryAfter(Optional.of("soon"), NOW));
        Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(1));
        // 2 s, 4 s, 8 s, … capped at a minute; Retry-After wins over the backoff, within the cap.
        assertEquals(Duration.ofSeconds(2), backoff.after(1, Optional.empty()));
        assertEquals(Duration.ofSeconds(8), backoff.after(3, Optional.empty()));
        assertEquals(Duration.ofMinutes(1), backoff.after(10, Optional.empty()));
        assertEquals(Duration.ofSeconds(1), backoff.after(3, Optional.of(Duration.ofSeconds(1))));
        assertEquals(Duration.ofMinutes(1), backoff.after(1, Optional.of(Duration.ofHours(1))));
    }

    @Test
    void theRateLimitSpacesRequests() {
        RateLimit twoASecond = new RateLimit(2);
        assertEquals(Duration.ZERO, twoASecond.reserve(NOW));
        assertEquals(Duration.ofMillis(500), twoASecond.reserve(NOW));
        assertEquals(Duration.ofMillis(1000), twoASecond.reserve(NOW));
        // Slots not taken are not saved up: after a quiet spell the next request goes at once.
        assertEquals(Duration.ZERO, twoASecond.reserve(NOW.plusSeconds(10)));
        assertEquals(Duration.ofMillis(400), twoASecond.reserve(NOW.plusSeconds(10).plusMillis(100)));
    }
}
