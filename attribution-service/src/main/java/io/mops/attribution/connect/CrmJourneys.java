package io.mops.attribution.connect;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds, for a batch of deals, the earliest touchpoint of each click id and of each user id they name: one
 * statement each, on the import's connection.
 */
@ApplicationScoped
public class CrmJourneys {

    Uni<Map<String, CrmMatch.Touch>> byClickId(SqlClient client, Collection<String> clickIds) {
        return earliest(client, "click_id", clickIds);
    }

    Uni<Map<String, CrmMatch.Touch>> byUser(SqlClient client, Collection<String> userIds) {
        return earliest(client, "user_id", userIds);
    }

    private static Uni<Map<String, CrmMatch.Touch>> earliest(SqlClient client, String column,
                                                            Collection<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return client.preparedQuery("""
                        select distinct on (%1$s) %1$s as key, user_id, anonymous_id, occurred_at
                        from touchpoint where %1$s = any($1)
                        order by %1$s, occurred_at""".formatted(column))
                .execute(Tuple.tuple().addArrayOfString(keys.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, CrmMatch.Touch> touches = new HashMap<>();
                    for (Row row : rows) {
                        touches.put(row.getString("key"), new CrmMatch.Touch(row.getString("user_id"),
                                row.getString("anonymous_id"), row.getOffsetDateTime("occurred_at").toInstant()));
                    }
                    return touches;
                });
    }
}
