#!/usr/bin/env bash
# What a signed-in page costs on the demo data (the fixed cost of a request: session, security, the layout's
# header, rendering): builds and starts the app with a fresh embedded PostgreSQL and its demo data, signs in
# and times each page with wrk, one connection at a time (latency) and then with --connections (throughput).
#
#   bench/run-pages-benchmark.sh [--user=manager@demo.local] [--seconds=15] [--connections=8]
#
# Environment: as bench/lib/app.sh (PORT, JAVA, SKIP_BUILD=1). Needs wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/app.sh
source bench/lib/login.sh

user=manager@demo.local
seconds=15
connections=8
for arg in "$@"; do
    case "$arg" in
        --user=*) user=${arg#*=} ;;
        --seconds=*) seconds=${arg#*=} ;;
        --connections=*) connections=${arg#*=} ;;
        *) echo "Unknown option $arg" >&2; exit 2 ;;
    esac
done
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 2; }

bench_build_app
work=$(mktemp -d "${TMPDIR:-/tmp}/balcao-pages-bench.XXXXXX")
finish() {
    bench_stop_app
    rm -rf "$work/pg" "$work/backups"
    echo "App log: $log" >&2
}
trap finish EXIT
trap 'exit 130' INT TERM

bench_start_app "$work"
base="http://127.0.0.1:$PORT"
session=$(bench_login "$base" "$user" demo)
echo "Signed in as $user; load before: $(uptime)"

measure() {
    local clients=$1 path=$2
    wrk -t1 -c"$clients" -d"${seconds}s" --timeout 10s -H "Cookie: SESSION=$session" \
        -s bench/wrk/percentiles.lua "$base$path" | grep '^RESULT' | sed 's/^RESULT //'
}

printf '%-32s %-72s %s\n' page "1 connection" "$connections connections"
for path in / /desk '/conversations?q=' '/conversations?q=maria' /contacts /after-hours /history \
            /monitoring /monitoring/panel; do
    wrk -t1 -c2 -d5s -H "Cookie: SESSION=$session" "$base$path" >/dev/null    # warm-up: compile the page first
    printf '%-32s %-72s %s\n' "$path" "$(measure 1 "$path")" "$(measure "$connections" "$path")"
done
echo "Load after: $(uptime)"
