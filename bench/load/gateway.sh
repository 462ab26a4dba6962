#!/usr/bin/env bash
# The same authenticated endpoint (testing-service's assignment, POST /experiments/{key}/assignments) measured
# directly and through the gateway (POST /api/experiments/{key}/assignments), alternated within one run so that both
# see the same machine. Then both again at about half of the direct throughput, for the latency the gateway adds
# when it is not saturated. See docs/benchmarks.md, "Gateway overhead".
#
#   MOPS_TOKEN=...  MOPS_EXPERIMENT=exp-key  bench/load/gateway.sh
#
# DIRECT (default http://127.0.0.1:18083) is testing-service, GATEWAY (default http://127.0.0.1:18080) a gateway
# whose MOPS_TESTING_URL points at it; MOPS_TOKEN a bearer token allowed to assign in the experiment's channel (the
# gateway passes it on, and both check it), the experiment RUNNING.
set -euo pipefail

: "${MOPS_TOKEN:?a bearer token, for example a client-credentials token of channel-search}"
: "${MOPS_EXPERIMENT:?the key of a RUNNING experiment}"
DIRECT="${DIRECT:-http://127.0.0.1:18083}"
GATEWAY="${GATEWAY:-http://127.0.0.1:18080}"
ROUNDS="${ROUNDS:-3}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-10s}"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
here="$(cd "$(dirname "$0")" && pwd)"
export MOPS_TOKEN MOPS_EXPERIMENT
export REQUESTS_PER_THREAD="${REQUESTS_PER_THREAD:-1000000}"

# run LABEL URL PREFIX CONNECTIONS PACE_MS: one wrk run, its summary lines prefixed with the label.
run() {
  local label="$1" url="$2" prefix="$3" connections="$4" pace="$5"
  PATH_PREFIX="$prefix" PACE_MS="$pace" wrk -t "$THREADS" -c "$connections" -d "$DURATION" \
    -s "$here/assignment.lua" "$url" | sed -n "s/^\(answers\|throughput\|latency\)/$label \1/p"
}
# value LINE FIELD: the number after FIELD in a summary line.
value() { sed -n "s/.*$2 \([0-9.]*\).*/\1/p" <<<"$1" | head -1; }

echo "warm-up (${WARMUP} each, discarded)"
DURATION="$WARMUP" run warm-direct "$DIRECT" "" "$CONNECTIONS" 0 >/dev/null
DURATION="$WARMUP" run warm-gateway "$GATEWAY" /api "$CONNECTIONS" 0 >/dev/null

echo "saturated: ${THREADS} threads, ${CONNECTIONS} connections, ${DURATION} a run, ${ROUNDS} rounds alternated"
direct_sum=0; gateway_sum=0
for ((i = 1; i <= ROUNDS; i++)); do
  d=$(run "direct   #$i" "$DIRECT" "" "$CONNECTIONS" 0); echo "$d"
  g=$(run "gateway  #$i" "$GATEWAY" /api "$CONNECTIONS" 0); echo "$g"
  direct_sum=$(awk -v a="$direct_sum" -v b="$(value "$d" throughput:)" 'BEGIN { print a + b }')
  gateway_sum=$(awk -v a="$gateway_sum" -v b="$(value "$g" throughput:)" 'BEGIN { print a + b }')
done
awk -v d="$direct_sum" -v g="$gateway_sum" -v n="$ROUNDS" 'BEGIN {
  printf "RESULT saturated: direct %.0f/s, gateway %.0f/s, gateway/direct %.1f %%\n", d / n, g / n, 100 * g / d }'

# Half load: each of 8 connections waits PACE ms between requests, so that the offered rate is about half of the
# direct throughput; what is compared is the latency at that rate.
half=$(awk -v d="$direct_sum" -v n="$ROUNDS" 'BEGIN { print d / n / 2 }')
pace=$(awk -v h="$half" 'BEGIN { p = int(8 * 1000 / h); print (p < 1 ? 1 : p) }')
echo "half load: 8 connections, ${pace} ms between a connection's requests (offered at most $(awk -v p="$pace" 'BEGIN { printf "%.0f", 8000 / p }')/s)"
dp99=0; gp99=0
for ((i = 1; i <= ROUNDS; i++)); do
  d=$(run "direct   half #$i" "$DIRECT" "" 8 "$pace"); echo "$d"
  g=$(run "gateway  half #$i" "$GATEWAY" /api 8 "$pace"); echo "$g"
  dp99=$(awk -v a="$dp99" -v b="$(value "$d" p99)" 'BEGIN { print a + b }')
  gp99=$(awk -v a="$gp99" -v b="$(value "$g" p99)" 'BEGIN { print a + b }')
done
awk -v d="$dp99" -v g="$gp99" -v n="$ROUNDS" 'BEGIN {
  printf "RESULT half load: p99 direct %.2f ms, gateway %.2f ms, added %.2f ms (means of the rounds)\n", d / n, g / n, (g - d) / n }'
