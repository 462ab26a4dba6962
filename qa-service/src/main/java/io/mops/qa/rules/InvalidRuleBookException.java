package io.mops.qa.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set document that cannot be used: every problem names the field and the reason. */
public class InvalidRuleBookException extends RuntimeException {

    public record Problem(String field, String reason) {
    }

    private final List<Problem> problems;

    public InvalidRuleBookException(List<Problem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.reason()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
