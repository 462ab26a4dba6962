package io.mops.testsupport;

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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The six services as {@code ./mops up} runs them — their packaged applications ({@code target/quarkus-app}), each
 * in its own JVM — on free ports, against the real local servers. Used by the end-to-end flows (e2e module), by
 * the market simulator and by the reliability suite (which starts only the services it tests, and kills and restarts
 * them), each with databases, topics and consumer groups of its own so that none sees another's data nor a platform
 * started by {@code ./mops up}.
 */
public final class PackagedPlatform implements AutoCloseable {

    public static final List<String> SERVICES = List.of("attribution-service", "budget-service", "testing-service",
            "qa-service", "approval-service");
    private static final List<String> ALL = Stream.concat(SERVICES.stream(), Stream.of("gateway")).toList();
    /** Six minutes, or {@code -Dmops.platform.ready-minutes} on a machine shared with other builds. */
    private static final Duration READY_WITHIN = Duration.ofMinutes(Long.getLong("mops.platform.ready-minutes", 6));

    /**
     * How to run the platform: which profile, databases, topics and extra settings, and which of the services and the
     * gateway (all of them unless {@link #only} narrows it).
     */
    public record Settings(String profile, String databaseSuffix, String topicPrefix, Path logs,
                           Map<String, String> properties, Map<String, Map<String, String>> serviceProperties,
                           List<String> services) {

        public Settings(String profile, String databaseSuffix, String topicPrefix, Path logs,
                        Map<String, String> properties, Map<String, Map<String, String>> serviceProperties) {
            this(profile, databaseSuffix, topicPrefix, logs, properties, serviceProperties, ALL);
        }

        /** The end-to-end flows' settings: test profile and topics, databases {@code mops_<service>_e2e}. */
        public static Settings endToEnd(Path root) {
            return new Settings("test", "e2e", LocalStack.TEST_TOPIC_PREFIX, root.resolve("e2e/target/services"),
                    Map.of(), Map.of());
        }

        public Settings withProperties(Map<String, String> extra) {
            Map<String, String> merged = new LinkedHashMap<>(properties);
            merged.putAll(extra);
            return new Settings(profile, databaseSuffix, topicPrefix, logs, merged, serviceProperties, services);
        }

        public Settings withServiceProperties(String service, Map<String, String> extra) {
            Map<String, Map<String, String>> merged = new LinkedHashMap<>(serviceProperties);
            Map<String, String> own = new LinkedHashMap<>(merged.getOrDefault(service, Map.of()));
            own.putAll(extra);
            merged.put(service, own);
            return new Settings(profile, databaseSuffix, topicPrefix, logs, properties, merged, services);
        }

        /** Only these of {@link #SERVICES} and {@code gateway}, e.g. the consumers a reliability scenario kills. */
        public Settings only(String... started) {
            return new Settings(profile, databaseSuffix, topicPrefix, logs, properties, serviceProperties,
                    List.of(started));
        }
    }

    private final Path root;
    private final Settings settings;
    private final LocalStack stack = LocalStack.ensureRunning();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, String> neighbours = new LinkedHashMap<>();
    /** A test run that is killed (Ctrl-C, a CI timeout) must not leave six services running on the machine. */
    private final Thread stopOnExit = new Thread(() -> processes.values().forEach(Process::destroy), "stop-platform");

    private PackagedPlatform(Path root, Settings settings) {
        this.root = root;
        this.settings = settings;
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** Starts the services and the gateway and waits until every one is ready. */
    public static PackagedPlatform start(Settings settings) {
        PackagedPlatform platform = new PackagedPlatform(repositoryRoot(), settings);
        try {
            platform.launchAll();
            return platform;
        } catch (RuntimeException | Error e) {
            platform.close();
            throw e;
        }
    }

    public static PackagedPlatform startForEndToEnd() {
        return start(Settings.endToEnd(repositoryRoot()));
    }

    /** Base URL of a service, e.g. {@code url("budget-service")}. */
    public String url(String service) {
        return "http://localhost:" + ports.get(service);
    }

    public String gateway() {
        return url("gateway");
    }

    public Path root() {
        return root;
    }

    public LocalStack stack() {
        return stack;
    }

    public String oidcUrl() {
        return stack.oidcUrl();
    }

    /** The database of one service in this platform, e.g. {@code mops_budget_e2e}. */
    public String database(String service) {
        return "mops_" + service.replace("-service", "") + "_" + settings.databaseSuffix();
    }

    private void launchAll() {
        for (String service : ALL) {
            if (settings.services().contains(service)) {
                ports.put(service, portOf(service));
            }
        }
        // Where the others are: the gateway routes to all of them, qa-service asks budget-service.
        for (String service : SERVICES) {
            if (ports.containsKey(service)) {
                neighbours.put("MOPS_" + service.replace("-service", "").toUpperCase(Locale.ROOT) + "_URL",
                        url(service));
            }
        }
        for (String service : ports.keySet()) {
            launch(service, false);
        }
        ports.keySet().forEach(this::awaitReady);
    }

    /**
     * Kills a service with SIGKILL ({@link Process#destroyForcibly()} on Linux): no shutdown hook runs, no
     * transaction ends, no Kafka offset is committed — as when a machine or a container dies.
     */
    public void kill(String service) {
        Process process = processes.get(service);
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(service + " (pid " + process.pid() + ") still runs after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the service answers {@code /q/health/ready} with 200 now (Kafka channels alive, database reached). */
    public boolean ready(String service) {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url(service) + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            return HttpClient.newHttpClient().send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts a service that was killed again, on its port and with its settings, and waits until it is ready. */
    public void restart(String service) {
        if (processes.get(service).isAlive()) {
            throw new IllegalStateException(service + " is still running");
        }
        launch(service, true);
        awaitReady(service);
    }

    /**
     * A free port, or the one a service's properties fix with {@code quarkus.http.port} (the browser tests' gateway:
     * Keycloak sends people back only to registered redirect URIs).
     */
    private int portOf(String service) {
        String fixed = settings.serviceProperties().getOrDefault(service, Map.of()).get("quarkus.http.port");
        return fixed != null ? Integer.parseInt(fixed) : freePort();
    }

    private void launch(String service, boolean again) {
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw package -DskipTests)");
        }
        String profile = settings.profile();
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx256m",
                "-Dquarkus.profile=" + profile, "-Dquarkus.http.port=" + ports.get(service)));
        // The first profile is the one whose section sets the databases (e.g. %test of "test,sim").
        String section = "%" + profile.split(",")[0] + ".";
        if (!service.equals("gateway")) {
            String database = database(service);
            createDatabaseIfMissing(database);
            command.add("-D" + section + "mops.database=" + database);
        }
        if (service.equals("qa-service")) {
            // The module's own tests point qa-service at a stub; here it asks the real budget-service.
            command.add("-D" + section + "quarkus.rest-client.budget-service.url=" + url("budget-service"));
        }
        command.add("-Dmops.topic-prefix=" + settings.topicPrefix());
        settings.properties().forEach((key, value) -> command.add("-D" + key + "=" + value));
        settings.serviceProperties().getOrDefault(service, Map.of())
                .forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.resolve(service).toFile())
                .redirectErrorStream(true)
                .redirectOutput(again ? ProcessBuilder.Redirect.appendTo(log(service).toFile())
                        : ProcessBuilder.Redirect.to(log(service).toFile()));
        stack.serviceConfig().forEach((key, value) -> {
            if (key.startsWith("MOPS_")) {
                builder.environment().put(key, value);
            }
        });
        builder.environment().putAll(neighbours);
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

    public Path log(String service) {
        try {
            Files.createDirectories(settings.logs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return settings.logs().resolve(service + ".log");
    }

    public static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException alreadyExiting) {
            // the hook is running or has run: it stops the processes itself
        }
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

    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("mops"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("repository root (with ./mops) not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
