package io.mops.common.problem;

/** The addressed resource does not exist (or is not visible to the caller); answered with a 404 problem. */
public class NotFoundProblem extends RuntimeException {

    public NotFoundProblem(String detail) {
        super(detail);
    }
}
