#!/usr/bin/env bash
# The monitoring benchmark of issue 8, end to end: builds the app, starts it on loopback with a fresh
# embedded PostgreSQL in a temporary directory, appends the large data set (20 numbers, a year of history,
# a busy "today"), then times the whole dashboard of "All numbers" as the bench manager sees it, first with
# the full day, then with today's tickets cut down to --keep-today (history unchanged). Stops the app.
#
#   bench/run-monitoring-benchmark.sh [generator options, e.g. --contacts=1000000 --messages=5000000]
#
# Defaults: 20 numbers, 1,000,000 contacts, 5,000,000 history messages (500,000 tickets over 365 days),
# 50,000 tickets and 500,000 messages today; then 5,000 tickets today. Environment: PORT (default 8095),
# JAVA, SKIP_BUILD=1, KEEP_DATA=1 (as for run-webhook-benchmark.sh), RUNS (default 30), KEEP_TODAY (5000).
set -euo pipefail

cd "$(dirname "$0")/.."
source bench/lib/app.sh

bench_build_app
work=$(mktemp -d "${TMPDIR:-/tmp}/balcao-bench.XXXXXX")

finish() {
    bench_stop_app
    if [[ "${KEEP_DATA:-0}" != 1 ]]; then
        rm -rf "$work/pg" "$work/backups"
    fi
    echo "App log: $log" >&2
}
trap finish EXIT
trap 'exit 130' INT TERM

bench_start_app "$work"
bench/generate-data.sh --db="$jdbc" --numbers=20 --contacts=1000000 --messages=5000000 \
    --today-tickets=50000 --today-messages=500000 "$@"

# A steady state, not the minutes after a bulk load: set the visibility map and hint bits now rather than
# have autovacuum and the first reads do it during the measurement.
psql "$(bench_psql_url "$jdbc")" -X -q -c "VACUUM ANALYZE"
echo "Load before measuring: $(uptime)" >&2
./mvnw -q -B -f bench/pom.xml exec:java -Dbench.main=br.com.balcao.bench.MonitoringBenchmark \
    -Dexec.args="--base=http://127.0.0.1:$PORT --jdbc=$jdbc --runs=${RUNS:-30} --keep-today=${KEEP_TODAY:-5000}"
echo "Load after measuring: $(uptime)" >&2
