package io.mops.common.problem;

/** The request collides with the current state (a concurrent change, a duplicate); answered with a 409 problem. */
public class ConflictProblem extends RuntimeException {

    public ConflictProblem(String detail) {
        super(detail);
    }
}
