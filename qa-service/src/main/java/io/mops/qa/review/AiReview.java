package io.mops.qa.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The AI review of a campaign's copy, as a QA run uses it: skipped without a configured model, answered from memory
 * when the same copy was reviewed by the same model before, otherwise asked of the model (with retries) and reported
 * as failed when no valid answer comes.
 *
 * <p>Determinism: the model is asked at temperature 0, but even then providers do not promise equal answers, so a
 * valid review is remembered by the digest of the prompt version, model, channel, regions and copy. A re-run of
 * unchanged input reads the remembered review and gets the same findings, hence the same verdict.
 */
@ApplicationScoped
public class AiReview {

    private final AiReviewConfig config;
    private final AiReviewer reviewer;
    private final ObjectMapper json;
    private final Clock clock;

    public AiReview(AiReviewConfig config, AiReviewer reviewer, ObjectMapper json, Clock clock) {
        this.clock = clock;
        this.config = config;
        this.reviewer = reviewer;
        this.json = json;
    }

    /** The review remembered for this copy under the configured model, if any. Needs a session. */
    public Uni<Optional<CopyReview>> remembered(CopyUnderReview copy) {
        if (!config.enabled() || !copy.hasCopy()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return RememberedReview.<RememberedReview>findById(copy.digest(config.model()))
                .map(found -> Optional.ofNullable(found).flatMap(this::read));
    }

    /** Blocking when the model must be asked: call on a worker thread. */
    public AiReviewOutcome review(CopyUnderReview copy, Optional<CopyReview> remembered) {
        if (!config.enabled()) {
            return new AiReviewOutcome.Skipped("no chat model is configured (mops.qa.ai-review.enabled is false)");
        }
        if (!copy.hasCopy()) {
            return new AiReviewOutcome.Skipped("the campaign has no copy");
        }
        if (remembered.isPresent()) {
            return new AiReviewOutcome.Reviewed(config.model(), remembered.get());
        }
        try {
            return new AiReviewOutcome.Reviewed(config.model(), reviewer.review(copy));
        } catch (RuntimeException e) {
            Log.warnf("AI review by %s at %s failed: %s", config.model(), config.baseUrl(), e.toString());
            return new AiReviewOutcome.Failed(config.model(), AiReviewer.ATTEMPTS, reason(e));
        }
    }

    /**
     * Keeps a new valid review for the next run of the same copy. Needs a transaction; a concurrent run that stored
     * the same review first wins, which is harmless (at temperature 0 both were asked the same question).
     */
    public Uni<Void> remember(CopyUnderReview copy, AiReviewOutcome outcome, Optional<CopyReview> remembered) {
        if (!(outcome instanceof AiReviewOutcome.Reviewed reviewed) || remembered.isPresent()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "insert into ai_review (digest, model, review, created_at) values (?1, ?2, ?3, ?4) "
                                + "on conflict (digest) do nothing")
                .setParameter(1, copy.digest(reviewed.model()))
                .setParameter(2, reviewed.model())
                .setParameter(3, write(reviewed.review()))
                .setParameter(4, Instant.now(clock))
                .executeUpdate())
                .replaceWithVoid();
    }

    private Optional<CopyReview> read(RememberedReview stored) {
        try {
            return Optional.of(json.readValue(stored.review, CopyReview.class));
        } catch (JsonProcessingException e) {
            // A stored review this version cannot read is asked again rather than failing the run.
            Log.warnf("remembered AI review %s is unreadable: %s", stored.digest, e.getMessage());
            return Optional.empty();
        }
    }

    private String write(CopyReview review) {
        try {
            return json.writeValueAsString(review);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an AI review cannot be serialised", e);
        }
    }

    /** The cause as people can read it, without a stack trace or the whole prompt. */
    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = e instanceof AiReviewer.MalformedReviewException ? e.getMessage()
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        message = message.strip().replaceAll("\\s+", " ");
        return message.length() <= 300 ? message : message.substring(0, 299) + "…";
    }
}
