#!/usr/bin/env bash
# HTTP load on testing-service's assignment endpoint from a second process (wrk), on loopback only, bounded in
# count (REQUESTS_PER_THREAD x THREADS) and in time (DURATION). See docs/testing.md, "Load test".
#
#   MOPS_TOKEN=...  MOPS_EXPERIMENT=exp-key  bench/load/assignment.sh
#
# MOPS_TOKEN must be a bearer token allowed to assign in the experiment's channel; the experiment must be RUNNING.
set -euo pipefail

: "${MOPS_TOKEN:?a bearer token, for example a client-credentials token of channel-search}"
: "${MOPS_EXPERIMENT:?the key of a RUNNING experiment}"
PORT="${PORT:-18083}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-30s}"
REQUESTS_PER_THREAD="${REQUESTS_PER_THREAD:-50000}"
WARMUP="${WARMUP:-10s}"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
here="$(cd "$(dirname "$0")" && pwd)"
url="http://127.0.0.1:${PORT}"
export MOPS_TOKEN MOPS_EXPERIMENT

# One warm-up round so the JIT and the connection pools are settled; its figures are discarded.
REQUESTS_PER_THREAD=$((REQUESTS_PER_THREAD / 5)) \
  wrk -t "$THREADS" -c "$CONNECTIONS" -d "$WARMUP" -s "$here/assignment.lua" "$url" >/dev/null
echo "assignment endpoint, ${THREADS} threads, ${CONNECTIONS} connections, at most ${REQUESTS_PER_THREAD} requests per thread within ${DURATION}"
REQUESTS_PER_THREAD="$REQUESTS_PER_THREAD" \
  wrk -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" --latency -s "$here/assignment.lua" "$url"
