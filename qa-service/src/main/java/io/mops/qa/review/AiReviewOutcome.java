package io.mops.qa.review;

/** How the AI review of one campaign went: it was not done, it was done, or it was tried and failed. */
public sealed interface AiReviewOutcome {

    /** No chat model is configured, or there was no copy to review. */
    record Skipped(String reason) implements AiReviewOutcome {
    }

    /** @param review validated; from the model now or from an earlier review of the same copy by the same model */
    record Reviewed(String model, CopyReview review) implements AiReviewOutcome {
    }

    /** Every attempt failed (the endpoint did not answer, or answered with something that is not a review). */
    record Failed(String model, int attempts, String reason) implements AiReviewOutcome {
    }
}
