#!/usr/bin/env bash
# The soak of issue 10: builds and starts the app with a fresh embedded PostgreSQL, appends generated data
# (bench/generate-data.sh), then for --minutes posts signed inbound webhooks at a steady rate to "Bench 01"
# while three of its agents and the manager, signed in through the login form, browse the Desk, a ticket,
# the Conversations search and Monitoring. Prints, per minute, requests, errors and p95 latencies of the
# webhooks and of the pages, the app's heap after a full GC and the load average; at the end, whether every
# message answered 200 is stored exactly once (the wamids sent against the database).
#
#   bench/run-soak-benchmark.sh [--minutes=10] [--warmup=30] [--webhook-rate=25] [--page-rate=5] [generator options]
#
# Environment: as bench/lib/app.sh (PORT, JAVA, SKIP_BUILD=1), KEEP_DATA=1 to keep the database. Needs psql
# and the JDK's jcmd. With the defaults: about a minute of data generation, then the 10 minutes of load.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/app.sh
SECRET=bench-secret

soak=()
generator=(--numbers=4 --contacts=100000 --messages=500000 --today-tickets=2000 --today-messages=20000)
for arg in "$@"; do
    case "$arg" in
        --minutes=*|--warmup=*|--webhook-rate=*|--page-rate=*|--agents=*|--manager=*) soak+=("$arg") ;;
        *) generator+=("$arg") ;;
    esac
done
command -v psql >/dev/null || { echo "psql is needed (apt-get install postgresql-client)" >&2; exit 2; }
jcmd=$(dirname "$(command -v "$JAVA")")/jcmd
[[ -x "$jcmd" ]] || jcmd=$(command -v jcmd || true)
[[ -n "$jcmd" ]] || { echo "jcmd is needed (it comes with the JDK)" >&2; exit 2; }

bench_build_app
work=$(mktemp -d "${TMPDIR:-/tmp}/balcao-soak.XXXXXX")
finish() {
    bench_stop_app
    [[ "${KEEP_DATA:-0}" == 1 ]] || rm -rf "$work/pg" "$work/backups"
    echo "App log: $log" >&2
}
trap finish EXIT
trap 'exit 130' INT TERM

WHATSAPP_APP_SECRET="$SECRET" bench_start_app "$work"
bench/generate-data.sh --db="$(bench_psql_url "$jdbc")" "${generator[@]}"
echo "App JVM: $("$JAVA" -version 2>&1 | head -n 1); $("$jcmd" "$app" VM.flags 2>/dev/null \
    | grep -o "MaxHeapSize=[0-9]*" | head -n 1 || true); $(nproc) cores"

status=0
./mvnw -q -B -f bench/pom.xml exec:java -Dbench.main=br.com.balcao.bench.SoakBenchmark \
    -Dexec.args="--base=http://127.0.0.1:$PORT --jdbc=$jdbc --app-pid=$app --jcmd=$jcmd ${soak[*]}" || status=$?
exit "$status"
