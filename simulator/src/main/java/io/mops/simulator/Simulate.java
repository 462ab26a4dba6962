package io.mops.simulator;

import io.mops.simulator.market.MarketFiles;
import io.mops.simulator.market.MarketSpec;
import io.mops.simulator.market.MarketSpecException;
import io.mops.simulator.report.ReportWriter;
import io.mops.simulator.report.SeedSummary;
import io.mops.simulator.report.SimulationReport;
import io.mops.testsupport.PackagedPlatform;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./mops simulate [market] [--seed N] [--seeds K] [--days D]}: runs MOPS against a market with known truth
 * and writes {@code simulator/target/simulation/<market>-<seed>/report.html} and {@code summary.json}; with several
 * seeds, a summary with each figure's mean and 95 % interval beside them.
 */
public final class Simulate {

    private Simulate() {
    }

    public static void main(String[] args) {
        String market = "stationary-concave";
        long seed = 1;
        int seeds = 1;
        Integer days = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
                case "--seeds" -> seeds = Integer.parseInt(value(args, ++i, "--seeds"));
                case "--days" -> days = Integer.parseInt(value(args, ++i, "--days"));
                case "-h", "--help" -> {
                    System.out.println("usage: ./mops simulate [market-file-or-name] [--seed N] [--seeds K] [--days D]\n"
                            + "bundled markets: " + String.join(", ", MarketFiles.BUNDLED));
                    return;
                }
                default -> {
                    if (args[i].startsWith("--")) {
                        fail("unknown option " + args[i]);
                    }
                    market = args[i];
                }
            }
        }
        if (seeds < 1) {
            fail("--seeds must be at least 1");
        }
        MarketSpec spec;
        try {
            spec = MarketFiles.load(market);
            if (days != null) {
                spec = spec.withDays(days).validated();
            }
        } catch (MarketSpecException e) {
            fail("the market cannot be simulated: " + e.getMessage());
            return;
        }
        Path out = PackagedPlatform.repositoryRoot().resolve("simulator/target/simulation");
        List<SimulationReport> reports = new ArrayList<>();
        for (long s = seed; s < seed + seeds; s++) {
            Instant started = Instant.now();
            System.out.printf(Locale.ROOT, "simulating %s, seed %d, %d days ...%n", spec.name(), s, spec.days());
            Path dir = out.resolve(spec.name() + "-" + s);
            SimulationReport report = SimulationRun.run(spec, s, dir);
            Path html = ReportWriter.write(report, dir);
            reports.add(report);
            report.strategies().forEach(f -> System.out.printf(Locale.ROOT,
                    "  %-18s conversions per 1,000 spent %7.2f, value per unit spent %6.3f, %5.1f %% of the oracle%n",
                    f.strategy(), 1000 * f.conversionsPerSpend(), f.valuePerSpend(), 100 * f.shareOfOracle()));
            report.goals().forEach((goal, met) -> System.out.println("  " + (met ? "met:     " : "NOT MET: ") + goal));
            System.out.printf(Locale.ROOT, "  done in %s; report: %s%n",
                    Duration.between(started, Instant.now()).withNanos(0), html);
        }
        if (reports.size() > 1) {
            Path html = ReportWriter.write(SeedSummary.of(reports), reports,
                    out.resolve(spec.name() + "-seeds-" + seed + "-" + (seed + seeds - 1)));
            System.out.println("summary over " + reports.size() + " seeds: " + html);
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            fail(option + " needs a value");
        }
        return args[i];
    }

    private static void fail(String message) {
        System.err.println("simulate: " + message);
        System.exit(2);
    }
}
