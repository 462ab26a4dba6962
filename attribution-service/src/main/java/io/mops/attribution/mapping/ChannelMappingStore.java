package io.mops.attribution.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.common.problem.ConflictProblem;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The versions of the channel mapping rules, in {@code channel_mapping_version}. Plain SQL on the reactive pool
 * rather than an entity: the importers read the rules in force from a worker thread, where Hibernate Reactive's
 * session cannot be used, and a version is one row holding the ordered rule list as JSON.
 */
@ApplicationScoped
public class ChannelMappingStore {

    private static final TypeReference<List<MappingRule>> RULES = new TypeReference<>() {
    };
    private static final String UNIQUE_VIOLATION = "23505";

    private final Pool pool;
    private final ObjectMapper json;
    private final Clock clock;

    public ChannelMappingStore(Pool pool, ObjectMapper json, Clock clock) {
        this.pool = pool;
        this.json = json;
        this.clock = clock;
    }

    /** The rules in force ({@link ChannelMapping#NONE} when none were ever set). */
    public Uni<ChannelMapping> current() {
        return pool.query("select version, rules from channel_mapping_version order by version desc limit 1")
                .execute()
                .map(rows -> rows.size() == 0 ? ChannelMapping.NONE : mapping(rows.iterator().next()));
    }

    /** Every version, newest first, each with what it changed. */
    public Uni<List<MappingVersion>> history() {
        return pool.query("select version, rules, changed_by, changed_at, comment from channel_mapping_version "
                        + "order by version").execute()
                .map(rows -> {
                    List<MappingVersion> versions = new ArrayList<>();
                    List<MappingRule> before = List.of();
                    for (Row row : rows) {
                        MappingVersion version = version(row, before);
                        versions.addFirst(version);
                        before = version.rules();
                    }
                    return versions;
                });
    }

    /**
     * Records a new version.
     *
     * @throws ConflictProblem when the version in force is not {@code expectedVersion}
     */
    public Uni<MappingVersion> change(MappingChange change, String changedBy) {
        Instant now = Instant.now(clock);
        return pool.withTransaction(connection -> connection
                        .query("select coalesce(max(version), 0) as version from channel_mapping_version").execute()
                        .chain(rows -> {
                            int current = rows.iterator().next().getInteger("version");
                            if (current != change.expectedVersion()) {
                                return Uni.createFrom().failure(stale(change.expectedVersion(), current));
                            }
                            return connection.preparedQuery("select rules from channel_mapping_version where version = $1")
                                    .execute(Tuple.of(current))
                                    .chain(previous -> connection.preparedQuery("insert into channel_mapping_version "
                                                    + "(version, rules, changed_by, changed_at, comment) values ($1, $2, $3, $4, $5)")
                                            .execute(Tuple.of(current + 1, write(change.rules()), changedBy,
                                                    now.atOffset(ZoneOffset.UTC), change.comment()))
                                            .map(ignored -> new MappingVersion(current + 1, change.rules(), changedBy, now,
                                                    change.comment(), RuleChanges.between(previous.size() == 0 ? List.of()
                                                    : read(previous.iterator().next().getString("rules")), change.rules()))));
                        }))
                .onFailure(e -> e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState()))
                .transform(e -> stale(change.expectedVersion(), change.expectedVersion() + 1));
    }

    private static ConflictProblem stale(int expected, int current) {
        return new ConflictProblem("the rules changed since version " + expected + " (now version " + current
                + "); read them again and make the change against the current version");
    }

    private ChannelMapping mapping(Row row) {
        return new ChannelMapping(row.getInteger("version"), read(row.getString("rules")));
    }

    private MappingVersion version(Row row, List<MappingRule> before) {
        List<MappingRule> rules = read(row.getString("rules"));
        return new MappingVersion(row.getInteger("version"), rules, row.getString("changed_by"),
                row.getOffsetDateTime("changed_at").toInstant(), row.getString("comment"),
                RuleChanges.between(before, rules));
    }

    private String write(List<MappingRule> rules) {
        try {
            return json.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<MappingRule> read(String rules) {
        try {
            return json.readValue(rules, RULES);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
