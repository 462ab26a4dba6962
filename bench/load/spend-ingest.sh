#!/usr/bin/env bash
# Spend ingestion from Kafka into budget-service, measured on the service side (stored spend rows per second).
# Loopback only, bounded in count (EVENTS) and time (TIMEOUT). See docs/budget.md, "Spend ingestion load test".
#
#   ./mvnw -q -pl budget-service -am package -DskipTests
#   bench/load/spend-ingest.sh
#
# It starts budget-service/target/quarkus-app/quarkus-run.jar on PORT with a fresh consumer group reading TOPIC
# from its end, creates a plan with CAMPAIGNS campaigns through the REST API, writes EVENTS distinct valid
# CampaignSpendReported envelopes with Kafka's ProducerPerformance, polls the count of the plan's spend rows
# every second until all are stored (or TIMEOUT), prints the figures and stops the jar.
#
# TOPIC defaults to a bench topic, not mops.ingest.spend: the other services' test consumers read that topic
# from their committed offsets, and would have to churn through (or dead-letter) every bench event.
set -euo pipefail

cd "$(dirname "$0")/../.."
EVENTS="${EVENTS:-100000}"
CAMPAIGNS="${CAMPAIGNS:-300}"
PORT="${PORT:-18082}"
TOPIC="${TOPIC:-mops.bench.spend}"
PARTITIONS="${PARTITIONS:-6}"
TIMEOUT="${TIMEOUT:-300}"
KAFKA_LIB="${KAFKA_LIB:-.mops/cache/kafka-4.1.1/lib}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAR=budget-service/target/quarkus-app/quarkus-run.jar
WORK="$(mktemp -d /tmp/spend-ingest.XXXXXX)"

[ -f "$JAR" ] || { echo "$JAR is missing: ./mvnw -q -pl budget-service -am package -DskipTests" >&2; exit 1; }
set -a; . .mops/infra.env; set +a
export PGPASSWORD="$MOPS_PG_PASSWORD"
psql_budget() { psql -h 127.0.0.1 -p "$MOPS_PG_PORT" -U "$MOPS_PG_USER" -d mops_budget -Atqc "$1"; }
kafka() { "$JAVA" -cp "$KAFKA_LIB/*" "$@" 2>&1 | grep -v -e WARN -e SLF4J || true; }

service_pid=""
stop_service() {
  [ -n "$service_pid" ] || return 0
  kill "$service_pid" 2>/dev/null || return 0
  for _ in $(seq 1 20); do kill -0 "$service_pid" 2>/dev/null || return 0; sleep 1; done
  kill -9 "$service_pid" 2>/dev/null || true
}
trap stop_service EXIT
trap 'exit 130' INT TERM

kafka org.apache.kafka.tools.TopicCommand --bootstrap-server "$MOPS_KAFKA_BOOTSTRAP" --create --if-not-exists \
  --topic "$TOPIC" --partitions "$PARTITIONS" --replication-factor 1 >/dev/null

# A copy, so that a rebuild of budget-service/target while the bench runs cannot pull jars from under it.
cp -r "$(dirname "$JAR")" "$WORK/app"
if curl -s --max-time 2 "http://127.0.0.1:$PORT/" >/dev/null 2>&1; then echo "port $PORT is in use" >&2; exit 1; fi
group="bench-$(date +%s)"
echo "starting budget-service on :$PORT, consumer group $group on $TOPIC (log: $WORK/service.log)"
QUARKUS_HTTP_PORT="$PORT" "$JAVA" \
  -Dmp.messaging.incoming.campaign-spend.topic="$TOPIC" \
  -Dmp.messaging.incoming.campaign-spend.group.id="$group" \
  -Dmp.messaging.incoming.campaign-spend.auto.offset.reset=latest \
  ${SERVICE_OPTS:-} -jar "$WORK/app/quarkus-run.jar" >"$WORK/service.log" 2>&1 &
service_pid=$!
for _ in $(seq 1 120); do
  curl -fs --max-time 30 "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$service_pid" 2>/dev/null || { tail -50 "$WORK/service.log"; exit 1; }
  sleep 1
done
# With auto.offset.reset=latest nothing may be produced before the group owns the partitions.
for _ in $(seq 1 60); do
  kafka org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "$MOPS_KAFKA_BOOTSTRAP" \
    --describe --group "$group" --members >"$WORK/members.txt"
  grep -q "consumer-campaign-spend" "$WORK/members.txt" && break
  sleep 1
done

token="$(curl -fs --max-time 30 -d grant_type=client_credentials -d client_id=mops-coe -d client_secret=mops-coe-secret \
  "$MOPS_OIDC_URL/protocol/openid-connect/token" | jq -r .access_token)"
api="http://127.0.0.1:$PORT/budget/plans"
month="$(date -u +%Y-%m)"
day="$(date -u +%Y-%m-%d)"
per_channel=$((CAMPAIGNS / 3 + 1))
plan="$(curl -fs --max-time 30 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "{
  \"name\": \"spend ingestion bench $group\", \"currency\": \"EUR\", \"total\": 100000000, \"month\": \"$month\",
  \"allocations\": {\"search\": $((per_channel * 100000)), \"social\": $((per_channel * 100000)),
                    \"email\": $((per_channel * 100000))}}" "$api" | jq -r .id)"
: >"$WORK/campaigns.txt"
channels=(search social email)
for i in $(seq 0 $((CAMPAIGNS - 1))); do
  channel="${channels[$((i % 3))]}"
  curl -fs --max-time 30 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"channel\": \"$channel\", \"name\": \"bench $i\", \"amount\": 100000}" "$api/$plan/campaigns" \
    | jq -r .id >>"$WORK/campaigns.txt"
done
echo "plan $plan with $(wc -l <"$WORK/campaigns.txt") campaigns of 100000 EUR each"

# Distinct ids, small amounts (at most 0.99 EUR): EVENTS / CAMPAIGNS reports per campaign stay far below any cap.
python3 - "$WORK/campaigns.txt" "$EVENTS" "$day" >"$WORK/payloads.txt" <<'PY'
import json, random, sys, uuid
campaigns = open(sys.argv[1]).read().split()
rng = random.Random(5)
for i in range(int(sys.argv[2])):
    campaign = campaigns[i % len(campaigns)]
    print(json.dumps({"id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "type": "CampaignSpendReported",
                      "version": 1, "source": "bench", "time": sys.argv[3] + "T06:00:00Z",
                      "subject": "campaign:" + campaign,
                      "data": {"campaignId": campaign, "day": sys.argv[3],
                               "amount": "%d.%02d" % (0, 1 + rng.randrange(99)), "currency": "EUR"}},
                     separators=(",", ":")))
PY

count() { psql_budget "select count(*) from spend_entry s join campaign_budget c on c.id = s.campaign_id
                       where c.plan_id = '$plan'"; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
kafka org.apache.kafka.tools.ProducerPerformance --topic "$TOPIC" --num-records "$EVENTS" --throughput -1 \
  --payload-file "$WORK/payloads.txt" --payload-delimiter $'\n' \
  --producer-props bootstrap.servers="$MOPS_KAFKA_BOOTSTRAP" acks=all linger.ms=5 >"$WORK/producer.txt" &
producer=$!

start=$(date +%s.%N); stored=0; first=""; peak=0; previous=0
while :; do
  sleep 1
  stored=$(count); now=$(date +%s.%N)
  [ -z "$first" ] && [ "$stored" -gt 0 ] && first=$now
  rate=$((stored - previous)); previous=$stored
  [ "$rate" -gt "$peak" ] && peak=$rate
  printf '%6.1fs  %7d stored  %6d/s  load %s\n' "$(echo "$now - $start" | bc)" "$stored" "$rate" \
    "$(cut -d' ' -f1 /proc/loadavg)"
  [ "$stored" -ge "$EVENTS" ] && break
  [ "$(echo "$now - $start > $TIMEOUT" | bc)" = 1 ] && { echo "stopped after ${TIMEOUT}s"; break; }
done
wait "$producer" || true
echo "producer: $(tail -1 "$WORK/producer.txt")"
elapsed=$(echo "$now - ${first:-$start}" | bc)
echo "stored $stored of $EVENTS spend reports; from the first stored row: ${elapsed}s," \
  "$(echo "$stored / $elapsed" | bc) per second on average, peak ${peak}/s; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "dead-lettered or failed: see $WORK/service.log"
