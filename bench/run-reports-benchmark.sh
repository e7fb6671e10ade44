#!/usr/bin/env bash
# The reports benchmark of issue 23: builds the app, starts it on loopback with a fresh embedded PostgreSQL in a
# temporary directory, appends the large data set (as run-monitoring-benchmark.sh: 20 numbers, a year of history,
# a busy "today"), lets the roll-up job roll up every ended day, then times, as the bench admin with "All numbers":
# the 30-day report page (RUNS times) and the 30-day "one row per conversation" export (rows, bytes, rows per
# second), and prints the app's peak resident memory. Stops the app.
#
#   bench/run-reports-benchmark.sh [generator options, e.g. --contacts=100000 --messages=500000 --today-tickets=5000]
#
# Defaults: 1,000,000 contacts, 5,000,000 history messages, 50,000 tickets and 500,000 messages today.
# Environment: PORT (default 8096), JAVA, SKIP_BUILD=1, KEEP_DATA=1, RUNS (default 20).
set -euo pipefail

cd "$(dirname "$0")/.."
PORT=${PORT:-8096}
source bench/lib/app.sh
source bench/lib/login.sh

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

# The roll-up job every 15 s over the whole year, so that the history is rolled up soon after the load.
bench_start_app "$work" "--balcao.reports.rollup-schedule=*/15 * * * * *" --balcao.reports.catch-up-days=400
bench/generate-data.sh --db="$jdbc" --numbers=20 --contacts=1000000 --messages=5000000 \
    --today-tickets=50000 --today-messages=500000 "$@"
db=$(bench_psql_url "$jdbc")
psql "$db" -X -q -c "VACUUM ANALYZE"

echo "Waiting for the roll-ups of every ended day..." >&2
start=$(date +%s)
previous=-1
while true; do
    sleep 15
    rolled=$(psql "$db" -X -A -t -c "SELECT count(*) FROM report_rolled_days")
    [[ "$rolled" == "$previous" && "$rolled" != 0 ]] && break
    previous=$rolled
done
echo "Rolled up $rolled number-days in about $(( $(date +%s) - start - 15 )) s;" \
    "$(psql "$db" -X -A -t -c "SELECT (SELECT count(*) FROM report_counts) || ' count rows, ' || (SELECT count(*) FROM report_durations) || ' duration rows'")" >&2
psql "$db" -X -q -c "VACUUM ANALYZE"

base="http://127.0.0.1:$PORT"
session=$(bench_login "$base" bench.admin@bench.local bench)
echo "Load before measuring: $(uptime)" >&2

report="$base/reports?number=all&period=LAST_30_DAYS&group=DAY"
curl -fsS -o /dev/null -b "SESSION=$session" "$report"   # first use: compiled templates and plans
times=()
for _ in $(seq 1 "${RUNS:-20}"); do
    times+=("$(curl -fsS -o /dev/null -w '%{time_total}' -b "SESSION=$session" "$report")")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END {
    printf "30-day report, All numbers, by day: median %.0f ms, p90 %.0f ms, max %.0f ms over %d runs\n",
        t[int((NR + 1) / 2)] * 1000, t[int(NR * 0.9 + 0.999)] * 1000, t[NR] * 1000, NR }'

export_url="$base/reports/export.csv?number=all&period=LAST_30_DAYS&table=CONVERSATIONS"
out="$work/conversations.csv"
# The first export of the JVM also pays one-time costs (the phone formats' metadata, compiled code): both are shown.
for run in cold warm; do
    seconds=$(curl -fsS -o "$out" -w '%{time_total}' -b "SESSION=$session" "$export_url")
    rows=$(( $(wc -l <"$out") - 1 ))
    awk -v run="$run" -v s="$seconds" -v rows="$rows" -v bytes="$(stat -c %s "$out")" 'BEGIN {
        printf "30-day one row per conversation (%s): %d rows, %.1f MB in %.2f s (%.0f rows/s)\n",
            run, rows, bytes / 1048576, s, rows / s }'
done
echo "App peak resident memory: $(awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$app/status")"
echo "Load after measuring: $(uptime)" >&2
