package io.mops.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real PostgreSQL, Kafka, Keycloak, mail server (GreenMail) and SpamAssassin's spamd that tests run against, as started by {@code ./mops infra up}.
 *
 * <p>There is one way to start them, the {@code mops} script at the repository root; this class only finds it,
 * asks it to start whatever is not answering yet (so a test run from an IDE works on its own), and reads the
 * ports it chose. {@code ./mops test} starts the servers once before Maven runs, so every module reuses them.
 */
public final class LocalStack {

    /**
     * Put before every topic name by services under test ({@code mops.topic-prefix}) and by {@link TopicTap} and
     * {@link TestProducer}: tests publish and read {@code test.mops.*}, so services started by {@code ./mops up}
     * never consume test events and tests never see theirs. {@code ./mops} creates both sets of topics.
     */
    public static final String TEST_TOPIC_PREFIX = "test.";

    /** The name under which tests find {@code topic}. */
    public static String testTopic(String topic) {
        return TEST_TOPIC_PREFIX + topic;
    }

    private static LocalStack instance;

    private final Path root;
    private final Map<String, String> settings;

    private LocalStack(Path root, Map<String, String> settings) {
        this.root = root;
        this.settings = settings;
    }

    /** The running stack, started first if any of its servers does not answer. */
    public static synchronized LocalStack ensureRunning() {
        if (instance == null) {
            Path root = repositoryRoot();
            LocalStack stack = new LocalStack(root, readSettings(root));
            if (!stack.allAnswering()) {
                stack.mops("infra", "up");
                stack = new LocalStack(root, readSettings(root));
            }
            instance = stack;
        }
        return instance;
    }

    public String host() {
        return "localhost";
    }

    public int postgresPort() {
        return Integer.parseInt(setting("MOPS_PG_PORT", "55432"));
    }

    public String postgresUser() {
        return setting("MOPS_PG_USER", "mops");
    }

    public String postgresPassword() {
        return setting("MOPS_PG_PASSWORD", "mops");
    }

    public int kafkaPort() {
        return Integer.parseInt(setting("MOPS_KAFKA_PORT", "19092"));
    }

    public String kafkaBootstrap() {
        return host() + ":" + kafkaPort();
    }

    public int keycloakPort() {
        return Integer.parseInt(setting("MOPS_KEYCLOAK_PORT", "8180"));
    }

    public String oidcUrl() {
        return "http://" + host() + ":" + keycloakPort() + "/realms/mops";
    }

    public int smtpPort() {
        return Integer.parseInt(setting("MOPS_SMTP_PORT", "3025"));
    }

    /** GreenMail's REST API: {@code GET /api/user/<address>/messages/INBOX} lists what was delivered to an address. */
    public String mailApiUrl() {
        return "http://127.0.0.1:" + setting("MOPS_MAIL_API_PORT", "8025");
    }

    /** SpamAssassin's spamd (SPAMC protocol on 127.0.0.1). */
    public int spamdPort() {
        return Integer.parseInt(setting("MOPS_SPAMD_PORT", "7783"));
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + postgresPort() + "/" + database;
    }

    /** Connection settings as the services read them (see common's microprofile-config.properties). */
    public Map<String, String> serviceConfig() {
        return Map.of(
                "mops.topic-prefix", TEST_TOPIC_PREFIX,
                "MOPS_PG_HOST", host(),
                "MOPS_PG_PORT", String.valueOf(postgresPort()),
                "MOPS_PG_USER", postgresUser(),
                "MOPS_PG_PASSWORD", postgresPassword(),
                "MOPS_KAFKA_BOOTSTRAP", kafkaBootstrap(),
                "MOPS_OIDC_URL", oidcUrl(),
                "MOPS_SMTP_PORT", String.valueOf(smtpPort()),
                "MOPS_SPAMD_PORT", String.valueOf(spamdPort()));
    }

    /**
     * Stops the Kafka broker, for tests of what happens while it is away. Only for a test that restores it with
     * {@link #startKafka()} in a {@code finally}.
     *
     * @return whether the broker is down: {@code ./mops} stops only a broker it started from this checkout, so a
     *         broker another checkout or person runs keeps answering, and a test must not pretend it saw an outage
     */
    public boolean stopKafka() {
        return stop("kafka", kafkaPort());
    }

    public void startKafka() {
        mops("infra", "start", "kafka");
    }

    /**
     * Stops PostgreSQL ({@code pg_ctl stop -m fast}: open connections are cut), for tests of what happens while the
     * database is away; restored with {@link #startPostgres()} in a {@code finally}.
     *
     * @return whether the server is down (see {@link #stopKafka()})
     */
    public boolean stopPostgres() {
        return stop("postgres", postgresPort());
    }

    public void startPostgres() {
        mops("infra", "start", "postgres");
    }

    private boolean stop(String component, int port) {
        mops("infra", "stop", component);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (answers(port) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !answers(port);
    }

    public boolean kafkaAnswering() {
        return answers(kafkaPort());
    }

    private boolean allAnswering() {
        return answers(postgresPort()) && answers(kafkaPort()) && answers(keycloakPort()) && answers(smtpPort())
                && answers(spamdPort());
    }

    private String setting(String key, String fallback) {
        return settings.getOrDefault(key, fallback);
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void mops(String... args) {
        List<String> command = new java.util.ArrayList<>();
        command.add(root.resolve("mops").toString());
        command.addAll(List.of(args));
        Path log = root.resolve(".mops/logs/mops-from-tests.log");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            // The servers these tests use, not the script's defaults: a stop or start must reach the same ports.
            settings.forEach((key, value) -> {
                if (key.startsWith("MOPS_")) {
                    builder.environment().put(key, value);
                }
            });
            Process process = builder.start();
            if (!process.waitFor(Duration.ofMinutes(10).toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with exit code "
                        + process.exitValue() + "; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Environment first (./mops test exports it), then what ./mops wrote in .mops/infra.env. */
    private static Map<String, String> readSettings(Path root) {
        Map<String, String> settings = new HashMap<>();
        Path file = root.resolve(".mops/infra.env");
        if (Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file)) {
                    int eq = line.indexOf('=');
                    if (eq > 0 && !line.startsWith("#")) {
                        settings.put(line.substring(0, eq).trim().replaceFirst("^export\\s+", ""),
                                line.substring(eq + 1).trim().replace("\"", ""));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        System.getenv().forEach((key, value) -> {
            if (key.startsWith("MOPS_")) {
                settings.put(key, value);
            }
        });
        return settings;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isExecutable(dir.resolve("mops")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the repository root (the folder holding ./mops) above "
                + Path.of("").toAbsolutePath());
    }
}
