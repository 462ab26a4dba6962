package io.mops.e2e;

import io.mops.testsupport.LocalStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The six services as {@code ./mops up} runs them — their packaged applications, each in its own JVM — on free
 * ports, against the real local servers. They run with the test profile (test consumer groups, {@code test.*}
 * topics) and databases of their own, {@code mops_<service>_e2e}, so neither a platform started by {@code ./mops up}
 * nor the modules' tests see what these flows write.
 */
final class RunningPlatform implements AutoCloseable {

    static final List<String> SERVICES = List.of("attribution-service", "budget-service", "testing-service",
            "qa-service", "approval-service");
    private static final Duration READY_WITHIN = Duration.ofMinutes(4);

    private final Path root;
    private final Path logs;
    private final LocalStack stack = LocalStack.ensureRunning();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();

    private RunningPlatform(Path root) {
        this.root = root;
        this.logs = root.resolve("e2e/target/services");
    }

    static RunningPlatform start() {
        RunningPlatform platform = new RunningPlatform(repositoryRoot());
        try {
            platform.launchAll();
            return platform;
        } catch (RuntimeException | Error e) {
            platform.close();
            throw e;
        }
    }

    /** Base URL of a service, e.g. {@code url("budget-service")}. */
    String url(String service) {
        return "http://localhost:" + ports.get(service);
    }

    String gateway() {
        return url("gateway");
    }

    Path root() {
        return root;
    }

    String oidcUrl() {
        return stack.oidcUrl();
    }

    private void launchAll() {
        for (String service : SERVICES) {
            ports.put(service, freePort());
        }
        ports.put("gateway", freePort());
        // Where the others are: the gateway routes to all of them, qa-service asks budget-service.
        Map<String, String> neighbours = Map.of(
                "MOPS_ATTRIBUTION_URL", url("attribution-service"),
                "MOPS_BUDGET_URL", url("budget-service"),
                "MOPS_TESTING_URL", url("testing-service"),
                "MOPS_QA_URL", url("qa-service"),
                "MOPS_APPROVAL_URL", url("approval-service"));
        for (String service : ports.keySet()) {
            launch(service, neighbours);
        }
        ports.keySet().forEach(this::awaitReady);
    }

    private void launch(String service, Map<String, String> extraEnvironment) {
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the e2e module runs after the services are packaged");
        }
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx256m",
                "-Dquarkus.profile=test", "-Dquarkus.http.port=" + ports.get(service)));
        if (!service.equals("gateway")) {
            String database = "mops_" + service.replace("-service", "") + "_e2e";
            createDatabaseIfMissing(database);
            command.add("-D%test.mops.database=" + database);
        }
        if (service.equals("gateway")) {
            // The gateway's own tests give this caller a tiny limit to see 429s; the flows here are ordinary traffic.
            command.add("-D%test.mops.gateway.rate-limit.per-caller.\"service-account-channel-email\"=600");
        }
        if (service.equals("qa-service")) {
            // The module's own tests point qa-service at a stub; here it asks the real budget-service.
            command.add("-D%test.quarkus.rest-client.budget-service.url=" + url("budget-service"));
        }
        stack.serviceConfig().forEach((key, value) -> {
            if (!key.startsWith("MOPS_")) {
                command.add("-D" + key + "=" + value);
            }
        });
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.resolve(service).toFile())
                .redirectErrorStream(true).redirectOutput(log(service).toFile());
        stack.serviceConfig().forEach((key, value) -> {
            if (key.startsWith("MOPS_")) {
                builder.environment().put(key, value);
            }
        });
        builder.environment().putAll(extraEnvironment);
        builder.environment().put("MOPS_LOG_JSON", "false");
        try {
            processes.put(service, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + service, e);
        }
    }

    private void createDatabaseIfMissing(String database) {
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl("postgres"), stack.postgresUser(),
                stack.postgresPassword());
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet found = exists.executeQuery()) {
                if (!found.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("create database " + database); // a fixed name built above, not input
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    private void awaitReady(String service) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url(service) + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(READY_WITHIN);
        int status = -1;
        Process process = processes.get(service);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service + " exited with " + process.exitValue() + "; its log: "
                        + log(service) + "\n" + tail(log(service)));
            }
            try {
                status = http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
            } catch (IOException e) {
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException(service + " not ready within " + READY_WITHIN + " (last status " + status
                + "); its log: " + log(service) + "\n" + tail(log(service)));
    }

    Path log(String service) {
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return logs.resolve(service + ".log");
    }

    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        processes.values().forEach(Process::destroy);
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("mops"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("repository root (with ./mops) not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
