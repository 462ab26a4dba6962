package io.mops.attribution.ingest;

import io.mops.attribution.lines.RejectedLine;
import io.mops.common.problem.InvalidRequestException;
import io.mops.common.problem.Problem;

import java.util.List;

/** The rule of every import: it is applied whole or rejected whole, and it fits one transaction. */
final class WholeImport {

    /** One transaction and one id lookup per import; larger exports are sent in parts. */
    static final int MAX_LINES = 10_000;

    private WholeImport() {
    }

    /** @throws InvalidRequestException listing every rejected line, or when the import is too large */
    static void require(List<RejectedLine> rejected, int lines) {
        if (!rejected.isEmpty()) {
            throw new InvalidRequestException(rejected.size() + (rejected.size() == 1 ? " line" : " lines")
                    + " rejected; nothing was applied", rejected.stream()
                    .map(r -> new Problem.Violation("line " + r.line(), r.reason())).toList());
        }
        if (lines > MAX_LINES) {
            throw new InvalidRequestException("body", "an import holds at most " + MAX_LINES + " events, this one "
                    + lines + "; send it in parts");
        }
    }
}
