package io.mops.attribution.ingest;

import io.mops.common.problem.InvalidRequestException;
import io.mops.common.problem.Problem;

import java.util.List;
import java.util.stream.Stream;

/**
 * The rule of every import: it is applied whole or rejected whole, in one transaction ({@link ImportTransaction}).
 */
final class WholeImport {

    private WholeImport() {
    }

    /** The answer to an import with rejected lines: the first of them listed, and how many there were. */
    static InvalidRequestException rejected(StreamedImport.Outcome outcome) {
        return rejected(outcome, List.of());
    }

    /** As {@link #rejected(StreamedImport.Outcome)}, with {@code summary} listed before the lines. */
    static InvalidRequestException rejected(StreamedImport.Outcome outcome, List<Problem.Violation> summary) {
        long count = outcome.rejections();
        String listed = count > outcome.listedRejections().size()
                ? "; the first " + outcome.listedRejections().size() + " are listed" : "";
        return new InvalidRequestException(count + (count == 1 ? " line" : " lines") + " rejected; nothing was applied"
                + listed, Stream.concat(summary.stream(), outcome.listedRejections().stream()
                .map(r -> new Problem.Violation("line " + r.line(), r.reason()))).toList());
    }
}
