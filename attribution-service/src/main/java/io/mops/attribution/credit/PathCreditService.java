package io.mops.attribution.credit;

import io.mops.attribution.model.AggregatedPath;
import io.mops.attribution.model.Attribution;
import io.mops.attribution.model.AttributionInputException;
import io.mops.attribution.model.AttributionModel;
import io.mops.attribution.model.Path;
import io.mops.attribution.model.PathSet;
import io.mops.common.problem.InvalidRequestException;
import io.mops.common.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Reads a submitted path set and credits it with the requested models; nothing is stored. */
@ApplicationScoped
public class PathCreditService {

    public CreditComparison credit(PathSet paths, List<AttributionModel> models) {
        List<Attribution> attributions = new ArrayList<>();
        for (AttributionModel model : models) {
            try {
                attributions.add(model.credit(paths));
            } catch (AttributionInputException e) {
                throw new InvalidRequestException("model", model.name() + ": " + e.getMessage());
            }
        }
        return CreditComparison.of(paths, attributions);
    }

    /** Every unreadable line is reported, by its index, before anything is computed. */
    public PathSet pathSet(PathSetRequest request) {
        List<Problem.Violation> violations = new ArrayList<>();
        List<AggregatedPath> lines = new ArrayList<>();
        for (int i = 0; i < request.paths().size(); i++) {
            PathSetRequest.PathLine line = request.paths().get(i);
            String at = "paths[" + i + "]";
            Path path;
            try {
                path = Path.parse(line.path());
            } catch (IllegalArgumentException e) {
                violations.add(new Problem.Violation(at + ".path", e.getMessage()));
                continue;
            }
            BigDecimal value = line.conversionValue() == null ? BigDecimal.ZERO : line.conversionValue();
            long nulls = line.nulls() == null ? 0 : line.nulls();
            if (line.conversions() == 0 && value.signum() != 0) {
                violations.add(new Problem.Violation(at + ".conversionValue",
                        "a path without conversions cannot have conversion value"));
                continue;
            }
            lines.add(new AggregatedPath(path, line.conversions(), value, nulls));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations.size() + " paths rejected; nothing was applied", violations);
        }
        return new PathSet(request.currency(), lines);
    }

    public PathSet pathSet(String csv, String currency) {
        try {
            return PathFile.read(csv, currency);
        } catch (PathFileRejectedException e) {
            throw new InvalidRequestException(e.getMessage(), e.rejected().stream()
                    .map(r -> new Problem.Violation("line " + r.line(), r.reason())).toList());
        }
    }
}
