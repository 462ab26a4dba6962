package io.mops.bench.approval;

import io.mops.approval.request.Inbox;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An approver's inbox ({@link Inbox#SQL}, the statement {@code GET /approvals/pending} runs) against the real
 * PostgreSQL of {@code ./mops infra up}, in a database of its own ({@code mops_approval_bench}) migrated with
 * approval-service's own Flyway scripts: 10,000 pending requests routed over 20 groups, next to 20,000 settled ones
 * whose stages stay as the service leaves them (a rejected or expired request's open stage is never closed, so the
 * partial GIN index holds those too). Each invocation asks for another approver's first page (200, the API's
 * default), and a lead whom only escalations reach asks for theirs; {@code SampleTime} mode reports the p95 the
 * issue sets (< 50 ms).
 *
 * <p>Run from the repository root (it reads {@code .mops/infra.env} and the migrations under
 * {@code approval-service/src/main/resources/db/migration}).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(1)
@State(Scope.Benchmark)
public class ApprovalInboxBenchmark {

    static final String DATABASE = "mops_approval_bench";
    static final int PENDING = 10_000;
    static final int SETTLED = 20_000;
    static final int GROUPS = 20;
    static final int APPROVERS = 60;
    static final int PAGE = 200;

    /** Someone asking for their inbox: their name and their groups, as the token carries them. */
    record Approver(String name, String groups) {
    }

    private Connection connection;
    private PreparedStatement inbox;
    private int[] order;
    private List<Approver> approvers;
    private int next;

    @Setup(Level.Trial)
    public void tenThousandPendingRequestsOverTwentyGroups() throws SQLException {
        Map<String, String> infra = infraSettings();
        String url = "jdbc:postgresql://localhost:" + infra.getOrDefault("MOPS_PG_PORT", "55432") + "/";
        String user = infra.getOrDefault("MOPS_PG_USER", "mops");
        String password = infra.getOrDefault("MOPS_PG_PASSWORD", "mops");
        try (Connection admin = DriverManager.getConnection(url + "postgres", user, password);
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
            statement.execute("create database " + DATABASE);
        }
        connection = DriverManager.getConnection(url + DATABASE, user, password);
        migrate(connection);
        approvers = new Population(new SplittableRandom(13L)).load(connection);
        try (Statement statement = connection.createStatement()) {
            statement.execute("vacuum analyze");
        }
        inbox = connection.prepareStatement(JdbcStatement.of(Inbox.SQL).sql());
        order = new SplittableRandom(29L).ints(4096, 0, approvers.size()).toArray();
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        connection.close();
    }

    @Benchmark
    public int firstPageOfAnApproversInbox() throws SQLException {
        return firstPage(approvers.get(order[next++ & (order.length - 1)]));
    }

    /**
     * The rarest inbox: a lead whose only group is the one overdue stages escalate to (one open stage in twenty).
     * Reading pending requests oldest first until a page is full would read them all; this is the case the partial
     * GIN and escalation indexes are for.
     */
    @Benchmark
    public int inboxOfALeadOnlyEscalationsReach() throws SQLException {
        return firstPage(Population.LEAD);
    }

    private int firstPage(Approver approver) throws SQLException {
        JdbcStatement.of(Inbox.SQL).bind(inbox, Map.of(1, approver.groups(), 2, approver.name(), 3, PAGE));
        int rows = 0;
        try (ResultSet page = inbox.executeQuery()) {
            while (page.next()) {
                rows++;
            }
        }
        return rows;
    }

    /**
     * The service's native query uses JPA's numbered parameters ({@code ?1}, used twice for the approver); JDBC
     * wants plain {@code ?} in order of appearance.
     */
    record JdbcStatement(String sql, List<Integer> positions) {

        private static final Pattern NUMBERED = Pattern.compile("\\?(\\d+)");

        static JdbcStatement of(String numbered) {
            Matcher m = NUMBERED.matcher(numbered);
            List<Integer> positions = new ArrayList<>();
            StringBuilder plain = new StringBuilder();
            while (m.find()) {
                positions.add(Integer.parseInt(m.group(1)));
                m.appendReplacement(plain, "?");
            }
            m.appendTail(plain);
            return new JdbcStatement(plain.toString(), positions);
        }

        void bind(PreparedStatement statement, Map<Integer, Object> values) throws SQLException {
            for (int i = 0; i < positions.size(); i++) {
                statement.setObject(i + 1, values.get(positions.get(i)));
            }
        }
    }

    /** approval-service's migrations, in version order, from the working tree. */
    static void migrate(Connection connection) throws SQLException {
        Path folder = Path.of("approval-service/src/main/resources/db/migration");
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("run from the repository root: " + folder.toAbsolutePath() + " is missing");
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> scripts = files.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(p -> Integer.parseInt(
                            p.getFileName().toString().substring(1, p.getFileName().toString().indexOf("__")))))
                    .toList();
            try (Statement statement = connection.createStatement()) {
                for (Path script : scripts) {
                    statement.execute(Files.readString(script));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> infraSettings() {
        Map<String, String> settings = new HashMap<>();
        Path file = Path.of(".mops/infra.env");
        if (Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file)) {
                    int eq = line.indexOf('=');
                    if (eq > 0 && !line.startsWith("#")) {
                        settings.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        System.getenv().forEach((key, value) -> {
            if (key.startsWith("MOPS_PG_")) {
                settings.put(key, value);
            }
        });
        return settings;
    }

    /**
     * A seeded organisation: 60 approvers, each in two of the 20 groups; requests from 40 requesters (a tenth of
     * them approvers themselves); 1–3 stages of 1–2 groups each, mostly sequential; some stages already have a
     * grant, one open stage in twenty escalated to the leads, some requests on revised evidence with stale grants.
     */
    static final class Population {

        /** Overdue stages escalate to this group; its one member belongs to no other. */
        static final String LEADS = "leads";
        static final Approver LEAD = new Approver("lead-00", LEADS);

        private final SplittableRandom random;
        private final List<String> groups = new ArrayList<>();
        private final Map<String, List<String>> members = new HashMap<>();
        private final List<Approver> approvers = new ArrayList<>();
        private final Instant start = Instant.parse("2026-09-01T00:00:00Z");
        private long decisions;

        Population(SplittableRandom random) {
            this.random = random;
            for (int g = 0; g < GROUPS; g++) {
                groups.add("group-%02d".formatted(g));
                members.put(groups.get(g), new ArrayList<>());
            }
            for (int a = 0; a < APPROVERS; a++) {
                String name = "approver-%02d".formatted(a);
                Set<String> mine = new LinkedHashSet<>();
                // Every group gets members: the first two are fixed by position, then at random.
                mine.add(groups.get(a % GROUPS));
                while (mine.size() < 2) {
                    mine.add(groups.get(random.nextInt(GROUPS)));
                }
                mine.forEach(g -> members.get(g).add(name));
                approvers.add(new Approver(name, String.join(",", mine)));
            }
        }

        List<Approver> load(Connection connection) throws SQLException {
            connection.setAutoCommit(false);
            try (PreparedStatement request = connection.prepareStatement("""
                    insert into approval_request (id, subject, kind, summary, channel, status, requested_by,
                        requested_at, reference, source, stage_order, evidence_version, policy_name, policy_version)
                    values (?, ?, 'CampaignLaunch', ?, 'email', ?, ?, ?, ?, 'qa-service', ?, ?, 'bench', 1)""");
                 PreparedStatement stage = connection.prepareStatement("""
                         insert into approval_stage (request_id, position, name, group_list, quorum, opened_at,
                             escalated_to, satisfied_at)
                         values (?, ?, ?, ?, ?, ?, ?, ?)""");
                 PreparedStatement decision = connection.prepareStatement("""
                         insert into approval_decision (id, request_id, decided_by, verdict, decided_at, stage_position,
                             evidence_version)
                         values (?, ?, ?, 'GRANT', ?, ?, ?)""")) {
                for (int i = 0; i < PENDING + SETTLED; i++) {
                    String status = i < PENDING ? "PENDING"
                            : List.of("GRANTED", "GRANTED", "REJECTED", "EXPIRED", "WITHDRAWN").get(random.nextInt(5));
                    add(i, status, request, stage, decision);
                    if (i % 1000 == 999) {
                        request.executeBatch();
                        stage.executeBatch();
                        decision.executeBatch();
                    }
                }
                request.executeBatch();
                stage.executeBatch();
                decision.executeBatch();
            }
            connection.commit();
            connection.setAutoCommit(true);
            return approvers;
        }

        private void add(int i, String status, PreparedStatement request, PreparedStatement stage,
                         PreparedStatement decision) throws SQLException {
            UUID id = new UUID(0xA99L, i);
            String requester = random.nextInt(10) == 0 ? approvers.get(random.nextInt(APPROVERS)).name()
                    : "requester-%02d".formatted(random.nextInt(40));
            Instant requestedAt = start.plus(Duration.ofMinutes(random.nextInt(90 * 24 * 60)));
            boolean parallel = random.nextInt(5) == 0;
            int evidenceVersion = random.nextInt(20) == 0 ? 2 : 1;
            request.setObject(1, id);
            request.setString(2, "qa-run:" + id);
            request.setString(3, "Launch " + i);
            request.setString(4, status);
            request.setString(5, requester);
            request.setTimestamp(6, Timestamp.from(requestedAt));
            request.setString(7, id.toString());
            request.setString(8, parallel ? "PARALLEL" : "SEQUENTIAL");
            request.setInt(9, evidenceVersion);
            request.addBatch();

            Set<String> decided = new HashSet<>();
            int stages = 1 + random.nextInt(3);
            // How far a sequential request got: stages before this one are satisfied, this one is open.
            int current = random.nextInt(stages);
            boolean granted = status.equals("GRANTED");
            for (int position = 0; position < stages; position++) {
                List<String> stageGroups = new ArrayList<>(List.of(groups.get(random.nextInt(GROUPS))));
                if (random.nextInt(3) == 0) {
                    String second = groups.get(random.nextInt(GROUPS));
                    if (!stageGroups.contains(second)) {
                        stageGroups.add(second);
                    }
                }
                int quorum = 1 + random.nextInt(2);
                boolean satisfied = granted || (!parallel && position < current);
                boolean open = satisfied || parallel || position == current;
                Instant openedAt = open ? requestedAt.plus(Duration.ofHours(position)) : null;
                String escalatedTo = open && !satisfied && random.nextInt(20) == 0 ? LEADS : null;
                stage.setObject(1, id);
                stage.setInt(2, position);
                stage.setString(3, "stage " + position);
                stage.setString(4, String.join(",", stageGroups));
                stage.setInt(5, quorum);
                stage.setTimestamp(6, openedAt == null ? null : Timestamp.from(openedAt));
                stage.setString(7, escalatedTo);
                stage.setTimestamp(8, satisfied ? Timestamp.from(openedAt.plus(Duration.ofHours(1))) : null);
                stage.addBatch();
                if (open && (satisfied || quorum == 2)) {
                    List<String> candidates = members.get(stageGroups.getFirst());
                    String by = candidates.get(random.nextInt(candidates.size()));
                    // Four-eyes as the service enforces it: never the requester, one person once per evidence.
                    if (!by.equals(requester) && decided.add(by)) {
                        // On revised evidence, a grant given on the first version is stale.
                        int version = satisfied ? evidenceVersion : random.nextInt(2) == 0 ? 1 : evidenceVersion;
                        decision.setObject(1, new UUID(0xDEC1L, decisions++));
                        decision.setObject(2, id);
                        decision.setString(3, by);
                        decision.setTimestamp(4, Timestamp.from(openedAt.plus(Duration.ofMinutes(30))));
                        decision.setInt(5, position);
                        decision.setInt(6, version);
                        decision.addBatch();
                    }
                }
            }
        }
    }
}
