package io.mops.qa.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.eclipse.microprofile.faulttolerance.Retry;

import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Asks the model for a review and accepts only a valid one. An answer that does not parse, or parses into something
 * that breaks {@link CopyReview}'s constraints, is treated like a failed call: SmallRye Fault Tolerance asks again,
 * up to {@value #ATTEMPTS} attempts in all. Blocking: call it on a worker thread.
 */
@ApplicationScoped
public class AiReviewer {

    static final int ATTEMPTS = 3;

    private final CopyReviewer model;
    private final Validator validator;

    public AiReviewer(CopyReviewer model, Validator validator) {
        this.model = model;
        this.validator = validator;
    }

    @Retry(maxRetries = ATTEMPTS - 1, delay = 200, jitter = 100)
    public CopyReview review(CopyUnderReview copy) {
        CopyReview review = model.review(copy.channel(), copy.regionList(), copy.copy());
        if (review == null) {
            throw new MalformedReviewException("the model answered with no review");
        }
        Set<ConstraintViolation<CopyReview>> violations = validator.validate(review);
        if (!violations.isEmpty()) {
            throw new MalformedReviewException("the model's review is malformed: " + violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .collect(Collectors.joining("; ")));
        }
        return review;
    }

    /** A model answer that is not a review QA can use. */
    public static final class MalformedReviewException extends RuntimeException {
        MalformedReviewException(String message) {
            super(message);
        }
    }
}
