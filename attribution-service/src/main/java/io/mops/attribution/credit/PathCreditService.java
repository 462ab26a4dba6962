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
import java.util.Map;
import java.util.TreeMap;

/** Reads a submitted path set and credits it with the requested models; nothing is stored. */
@ApplicationScoped
public class PathCreditService {

    public CreditComparison credit(PathSet paths, List<AttributionModel> models) {
        return CreditComparison.of(paths, attributions(paths, models));
    }

    /**
     * @param spendByChannel the spend of the path set's period per channel, in its currency; the answer gives each
     *                       channel's ROAS under each model
     */
    public CreditComparison credit(PathSet paths, List<AttributionModel> models,
                                   Map<String, BigDecimal> spendByChannel) {
        List<Attribution> attributions = attributions(paths, models);
        return CreditComparison.of(paths, attributions).withReturns(attributions, spendByChannel);
    }

    private static List<Attribution> attributions(PathSet paths, List<AttributionModel> models) {
        List<Attribution> attributions = new ArrayList<>();
        for (AttributionModel model : models) {
            try {
                attributions.add(model.credit(paths));
            } catch (AttributionInputException e) {
                throw new InvalidRequestException("model", model.name() + ": " + e.getMessage());
            }
        }
        return attributions;
    }

    /**
     * Reads repeated {@code channel:amount} parameters (a channel named twice has the sum).
     *
     * @throws InvalidRequestException naming the parameter {@code spend} for an entry that cannot be read
     */
    public static Map<String, BigDecimal> spend(List<String> entries) {
        Map<String, BigDecimal> spend = new TreeMap<>();
        for (String entry : entries) {
            int colon = entry.lastIndexOf(':');
            String channel = colon < 0 ? "" : entry.substring(0, colon).strip();
            BigDecimal amount;
            try {
                amount = colon < 0 ? null : new BigDecimal(entry.substring(colon + 1).strip());
            } catch (NumberFormatException e) {
                amount = null;
            }
            if (channel.isEmpty() || channel.length() > 40 || amount == null || amount.signum() < 0) {
                throw new InvalidRequestException("spend", "'" + entry + "' is not channel:amount with an amount of "
                        + "at least 0, e.g. search:412.50");
            }
            spend.merge(channel, amount, BigDecimal::add);
        }
        return spend;
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
