#!/usr/bin/env bash
# Kafka-to-PostgreSQL ingest of attribution-service: starts the service jar on loopback in its own consumer group
# (reading only what arrives after it started), produces TOUCHPOINTS distinct valid TouchpointObserved events to
# mops.ingest.touchpoints after an unmeasured warm-up round of WARMUP events, counts the rows in
# mops_attribution.touchpoint every second, and stops the service. Bounded in count (WARMUP + TOUCHPOINTS) and time
# (LIMIT seconds per round). See docs/attribution.md, "Ingest throughput".
#
#   ./mvnw -B -pl attribution-service package -DskipTests && bench/load/touchpoint-ingest.sh
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
set -a; . .mops/infra.env; set +a
TOUCHPOINTS="${TOUCHPOINTS:-200000}"
WARMUP="${WARMUP:-100000}"
LIMIT="${LIMIT:-300}"
PORT="${PORT:-18081}"
APP="${APP:-attribution-service/target/quarkus-app}"
# SERVICE_OPTS: extra JVM options for the service, e.g. -Dmp.messaging.incoming.touchpoints.max.poll.records=2000
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
group="bench-$(date -u +%Y%m%d%H%M%S)"
kafka_lib="$(ls -d .mops/cache/kafka-*/lib | head -1)"
pg_driver="$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)"
log="$(mktemp /tmp/touchpoint-ingest.XXXXXX.log)"

# Every incoming channel gets the bench group and starts at the end, so neither the service's own offsets nor old
# records are touched; the scheduled performance publisher stays off.
QUARKUS_HTTP_PORT="$PORT" "$JAVA" -Xmx512m ${SERVICE_OPTS:-} \
  -Dquarkus.http.host=127.0.0.1 \
  -Dmops.attribution.performance.interval=off \
  -Dmp.messaging.incoming.touchpoints.group.id="$group" \
  -Dmp.messaging.incoming.touchpoints.auto.offset.reset=latest \
  -Dmp.messaging.incoming.conversions.group.id="$group" \
  -Dmp.messaging.incoming.conversions.auto.offset.reset=latest \
  -Dmp.messaging.incoming.spend.group.id="$group-spend" \
  -Dmp.messaging.incoming.spend.auto.offset.reset=latest \
  -jar "$APP/quarkus-run.jar" >"$log" 2>&1 &
service=$!
trap 'kill "$service" 2>/dev/null; wait "$service" 2>/dev/null || true' EXIT
echo "attribution-service pid $service, consumer group $group, log $log"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"

"$JAVA" -cp "$kafka_lib/*:$pg_driver" bench/load/TouchpointIngestLoad.java \
  "$MOPS_KAFKA_BOOTSTRAP" "jdbc:postgresql://127.0.0.1:$MOPS_PG_PORT/mops_attribution" "$MOPS_PG_USER" \
  "$MOPS_PG_PASSWORD" "$TOUCHPOINTS" "$group" "$LIMIT" "$WARMUP"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "ERROR lines in the service log: $(grep -c ' ERROR ' "$log" || true)"
