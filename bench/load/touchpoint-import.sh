#!/usr/bin/env bash
# Streamed CSV import of attribution-service under a small heap: generates a CSV of about SIZE_MB megabytes (default
# 1024) of distinct valid touchpoints, starts the built service jar on loopback with -Xmx${HEAP} (default 256m; its
# Kafka consumers in a fresh group at the end of the topics, the performance publisher off), imports the file with
# one POST /attribution/touchpoints as the CoE service account, samples the service's heap (jstat) and RSS every
# second, and prints the answer, the time, the rate and the peaks. The imported rows (campaign bench-import-<time>,
# all on 2020-01-01, outside any window in use) are deleted afterwards unless KEEP=1. See docs/attribution.md,
# "Streamed import".
#
#   ./mvnw -B -pl attribution-service package -DskipTests && bench/load/touchpoint-import.sh
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
set -a; . .mops/infra.env; set +a
SIZE_MB="${SIZE_MB:-1024}"
HEAP="${HEAP:-256m}"
PORT="${PORT:-18082}"
APP="${APP:-attribution-service/target/quarkus-app}"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
stamp="$(date -u +%Y%m%d%H%M%S)"
tag="bench-import-$stamp"
group="bench-$stamp"
file="${FILE:-/tmp/touchpoint-import-$stamp.csv}"
log="$(mktemp /tmp/touchpoint-import.XXXXXX.log)"
samples="$(mktemp /tmp/touchpoint-import-samples.XXXXXX)"

echo "generating about $SIZE_MB MB into $file (campaign $tag)"
# One line is about 126 bytes; awk writes it without holding anything.
lines=$(( SIZE_MB * 1024 * 1024 / 126 ))
awk -v n="$lines" -v tag="$tag" 'BEGIN {
  print "event_id,user_id,occurred_at,channel,campaign,interaction,cost,currency";
  split("search social email display video affiliate", channels, " ");
  for (i = 1; i <= n; i++) {
    printf "%08x-0000-4000-8000-%012d,bench-user-%d,2020-01-01T%02d:%02d:%02dZ,%s,%s,click,0.25,EUR\n",
      i, i, i % 100000, int(i / 3600) % 24, int(i / 60) % 60, i % 60, channels[1 + i % 6], tag;
  }
}' > "$file"
ls -l "$file"

QUARKUS_HTTP_PORT="$PORT" "$JAVA" -Xmx"$HEAP" \
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
sampler=""
cleanup() {
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
  kill "$service" 2>/dev/null; wait "$service" 2>/dev/null || true
  [ "${KEEP_FILE:-0}" = 1 ] || rm -f "$file"
}
trap cleanup EXIT
echo "attribution-service pid $service (-Xmx$HEAP), log $log"
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
  sleep 1
done

token="$(curl -sf -d grant_type=client_credentials -d client_id=mops-coe -d client_secret=mops-coe-secret \
  "$MOPS_OIDC_URL/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')"

# Heap used (KB, from jstat: survivors + eden + old) and RSS (KB) once a second.
(
  while kill -0 "$service" 2>/dev/null; do
    heap="$("$JAVA_HOME/bin/jstat" -gc "$service" 2>/dev/null | awk 'NR == 2 { printf "%d", $3 + $4 + $6 + $8 }')"
    rss="$(awk '/VmRSS/ { print $2 }' "/proc/$service/status" 2>/dev/null)"
    echo "${heap:-0} ${rss:-0}" >> "$samples"
    sleep 1
  done
) &
sampler=$!

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
start=$(date +%s.%N)
answer="$(curl -s -w ' HTTP %{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' \
  --data-binary @"$file" "http://127.0.0.1:$PORT/attribution/touchpoints")"
end=$(date +%s.%N)
echo "answer: $answer"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v s="$start" -v e="$end" -v n="$lines" -v bytes="$(stat -c %s "$file")" 'BEGIN {
  t = e - s; mb = bytes / 1048576
  printf "sent %d lines (%.0f MiB) in %.1f s: %.0f lines/s, %.1f MiB/s\n", n, mb, t, n / t, mb / t }'
awk '{ if ($1 > h) h = $1; if ($2 > r) r = $2 } END {
  printf "peak heap used %.0f MB, peak RSS %.0f MB (%d samples)\n", h / 1024, r / 1024, NR }' "$samples"
echo "VmHWM (peak RSS of the service): $(awk '/VmHWM/ { print $2, $3 }' "/proc/$service/status")"
echo "ERROR lines in the service log: $(grep -c ' ERROR ' "$log" || true)"

if [ "${KEEP:-0}" != 1 ]; then
  echo "deleting the imported rows"
  PGPASSWORD="$MOPS_PG_PASSWORD" psql -q -h 127.0.0.1 -p "$MOPS_PG_PORT" -U "$MOPS_PG_USER" mops_attribution \
    -c "delete from touchpoint where campaign = '$tag'"
fi
