package io.mops.e2e;

import io.mops.testsupport.PackagedPlatform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The console's platform: the six packaged services with the demo data of {@code ./mops up} loaded through their
 * APIs. Not shared with {@link PlatformFlowTest}: both decide the demo's one budget move waiting for approvers, so
 * each class starts its own platform (one after the other, on the same e2e databases, which each start empties).
 */
final class DemoPlatform implements AutoCloseable {

    /** Registered in the realm as a redirect URI of {@code mops-gateway}, so the browser tests can sign in. */
    static final int GATEWAY_PORT = Integer.getInteger("mops.e2e.gateway-port", 18090);

    final PackagedPlatform platform;
    final Path plansFile;
    final String seedOutput;

    private DemoPlatform(PackagedPlatform platform, Path plansFile, String seedOutput) {
        this.platform = platform;
        this.plansFile = plansFile;
        this.seedOutput = seedOutput;
    }

    static DemoPlatform start() {
        // The gateway's own tests give this caller a tiny limit to see 429s; the flows here are ordinary traffic.
        PackagedPlatform platform = PackagedPlatform.start(PackagedPlatform.Settings.endToEnd(PackagedPlatform.repositoryRoot())
                .withServiceProperties("gateway", Map.of(
                        "%test.mops.gateway.rate-limit.per-caller.\"service-account-channel-email\"", "600",
                        "quarkus.http.port", String.valueOf(GATEWAY_PORT)))
                // Four eyes for every budget move above the CoE's 2,500 EUR policy of the demo, not only above the
                // fallback's 10,000 EUR: the demo's move is then decided by two people, as the flows here check.
                .withServiceProperties("approval-service", Map.of(
                        "mops.approval.fallback.second-approver-above", "2500")));
        try {
            Path plansFile = Files.createTempFile("mops-e2e-plans", ".txt");
            Files.delete(plansFile); // the seed creates plans only when its file does not know them yet
            return new DemoPlatform(platform, plansFile, seed(platform, plansFile));
        } catch (IOException | RuntimeException | Error e) {
            platform.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) wrap(e);
        }
    }

    private static Throwable wrap(Throwable e) {
        return e instanceof Error error ? new IllegalStateException(error) : e;
    }

    @Override
    public void close() {
        platform.close();
        try {
            Files.deleteIfExists(plansFile);
        } catch (IOException ignored) {
            // a temporary file left behind is harmless
        }
    }

    private static String seed(PackagedPlatform platform, Path plansFile) throws IOException {
        Path output = platform.log("seed");
        ProcessBuilder seed = new ProcessBuilder("bash", platform.root().resolve("infra/demo/seed").toString())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = seed.environment();
        env.put("MOPS_OIDC_URL", platform.oidcUrl());
        env.put("MOPS_ATTRIBUTION_URL", platform.url("attribution-service"));
        env.put("MOPS_BUDGET_URL", platform.url("budget-service"));
        env.put("MOPS_TESTING_URL", platform.url("testing-service"));
        env.put("MOPS_QA_URL", platform.url("qa-service"));
        env.put("MOPS_APPROVAL_URL", platform.url("approval-service"));
        env.put("MOPS_DEMO_PLANS_FILE", plansFile.toString());
        Process process = seed.start();
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                throw new AssertionError("the demo seed did not finish within 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String printed = Files.readString(output);
        if (process.exitValue() != 0) {
            throw new AssertionError("the demo seed failed:\n" + printed);
        }
        return printed;
    }

    String demoPlan(String name) throws IOException {
        return Files.readAllLines(plansFile).stream()
                .filter(line -> line.startsWith(name + "="))
                .map(line -> line.substring(name.length() + 1))
                .reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("the seed recorded no plan '" + name + "':\n" + seedOutput));
    }
}
