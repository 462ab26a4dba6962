#!/usr/bin/env bash
# Spend ingestion from Kafka into budget-service, measured on the service side (stored spend rows per second).
# Loopback only, bounded in count (EVENTS) and time (TIMEOUT). See docs/budget.md, "Spend ingestion load test".
#
#   ./mvnw -q -pl budget-service -am package -DskipTests
#   bench/load/spend-ingest.sh
#
# It starts budget-service/target/quarkus-app/quarkus-run.jar (or JAR) on PORT with a fresh consumer group reading a
# fresh topic from its start, creates a plan with CAMPAIGNS campaigns through the REST API, writes EVENTS distinct
# valid CampaignSpendReported envelopes (each once, keyed by campaign) with Kafka's console producer, polls the count
# of the plan's spend rows every second until all are stored (or TIMEOUT), prints the figures and stops the jar.
#
# Each run writes to a topic of its own (TOPIC_PREFIX.<group>, deleted at the end) that the bench instance reads from
# its start, not to mops.ingest.spend: the other services' test consumers read that topic from their committed
# offsets, and would have to churn through (or dead-letter) every bench event. A fresh topic read from its start
# rather than a shared one read from its end, because "the end" is only fixed at the consumer's first fetch, which on
# a loaded machine can come after the producer has started.
set -euo pipefail

cd "$(dirname "$0")/../.."
EVENTS="${EVENTS:-100000}"
CAMPAIGNS="${CAMPAIGNS:-300}"
PORT="${PORT:-18082}"
TOPIC_PREFIX="${TOPIC_PREFIX:-mops.bench.spend}"
PARTITIONS="${PARTITIONS:-6}"
TIMEOUT="${TIMEOUT:-300}"
KAFKA_LIB="${KAFKA_LIB:-.mops/cache/kafka-4.1.1/lib}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAR="${JAR:-budget-service/target/quarkus-app/quarkus-run.jar}"
WORK="$(mktemp -d /tmp/spend-ingest.XXXXXX)"

[ -f "$JAR" ] || { echo "$JAR is missing: ./mvnw -q -pl budget-service -am package -DskipTests" >&2; exit 1; }
set -a; . .mops/infra.env; set +a
export PGPASSWORD="$MOPS_PG_PASSWORD"
psql_budget() { psql -h 127.0.0.1 -p "$MOPS_PG_PORT" -U "$MOPS_PG_USER" -d mops_budget -Atqc "$1"; }
kafka() { "$JAVA" -cp "$KAFKA_LIB/*" "$@" 2>&1 | grep -v -e WARN -e SLF4J || true; }

group="bench-$(date +%s)"
TOPIC="$TOPIC_PREFIX.$group"
service_pid=""
stop_service() {
  if [ -n "$service_pid" ]; then
    kill "$service_pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$service_pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$service_pid" 2>/dev/null || true
  fi
  kafka org.apache.kafka.tools.TopicCommand --bootstrap-server "$MOPS_KAFKA_BOOTSTRAP" --delete --if-exists \
    --topic "$TOPIC" >/dev/null
}
trap stop_service EXIT
trap 'exit 130' INT TERM

kafka org.apache.kafka.tools.TopicCommand --bootstrap-server "$MOPS_KAFKA_BOOTSTRAP" --create \
  --topic "$TOPIC" --partitions "$PARTITIONS" --replication-factor 1 >/dev/null

# A copy, so that a rebuild of budget-service/target while the bench runs cannot pull jars from under it.
cp -r "$(dirname "$JAR")" "$WORK/app"
if curl -s --max-time 2 "http://127.0.0.1:$PORT/" >/dev/null 2>&1; then echo "port $PORT is in use" >&2; exit 1; fi
echo "starting budget-service on :$PORT, consumer group $group on $TOPIC (log: $WORK/service.log)"
QUARKUS_HTTP_PORT="$PORT" "$JAVA" \
  -Dmp.messaging.incoming.campaign-spend.topic="$TOPIC" \
  -Dmp.messaging.incoming.campaign-spend.group.id="$group" \
  -Dmp.messaging.incoming.campaign-spend.auto.offset.reset=earliest \
  ${SERVICE_OPTS:-} -jar "$WORK/app/quarkus-run.jar" >"$WORK/service.log" 2>&1 &
service_pid=$!
for _ in $(seq 1 120); do
  curl -fs --max-time 30 "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$service_pid" 2>/dev/null || { tail -50 "$WORK/service.log"; exit 1; }
  sleep 1
done
# The group must own the partitions before the clock starts, so that start-up is not counted.
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

# Ids new to every run (budget-service remembers the ids it applied: a run repeating an earlier run's ids would be
# skipped whole as redelivery), small amounts (at most 0.99 EUR): EVENTS / CAMPAIGNS reports per campaign stay far
# below any cap. Each line is "key<TAB>envelope", keyed by campaign as the integrations do.
python3 - "$WORK/campaigns.txt" "$EVENTS" "$day" >"$WORK/payloads.txt" <<'PY'
import json, random, sys, uuid
campaigns = open(sys.argv[1]).read().split()
rng = random.Random(5)
for i in range(int(sys.argv[2])):
    campaign = campaigns[i % len(campaigns)]
    print("campaign:" + campaign, end="\t")
    print(json.dumps({"id": str(uuid.uuid4()), "type": "CampaignSpendReported",
                      "version": 1, "source": "bench", "time": sys.argv[3] + "T06:00:00Z",
                      "subject": "campaign:" + campaign,
                      "data": {"campaignId": campaign, "day": sys.argv[3],
                               "amount": "%d.%02d" % (0, 1 + rng.randrange(99)), "currency": "EUR"}},
                     separators=(",", ":")))
PY

count() { psql_budget "select count(*) from spend_entry s join campaign_budget c on c.id = s.campaign_id
                       where c.plan_id = '$plan'"; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# Every line exactly once, in order (ProducerPerformance would draw lines at random, with repeats: only about
# 63 % of EVENTS would be distinct, and the rest rightly skipped as redeliveries).
produce() {
  local began ended
  began=$(date +%s.%N)
  kafka org.apache.kafka.tools.ConsoleProducer --bootstrap-server "$MOPS_KAFKA_BOOTSTRAP" --topic "$TOPIC" \
    --property parse.key=true --property key.separator=$'\t' \
    --producer-property acks=all --producer-property linger.ms=5 --producer-property batch.size=262144 \
    <"$WORK/payloads.txt"
  ended=$(date +%s.%N)
  echo "$EVENTS records sent in $(echo "$ended - $began" | bc) s"
}
produce >"$WORK/producer.txt" 2>&1 &
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
