package io.mops.common.problem;

import java.util.List;

/** A request that passed Bean Validation but breaks a domain rule; answered with a 400 problem. */
public class InvalidRequestException extends RuntimeException {

    private final List<Problem.Violation> violations;

    public InvalidRequestException(String field, String reason) {
        super(field + ": " + reason);
        this.violations = List.of(new Problem.Violation(field, reason));
    }

    public InvalidRequestException(String detail, List<Problem.Violation> violations) {
        super(detail);
        this.violations = List.copyOf(violations);
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
