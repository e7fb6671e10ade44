#!/usr/bin/env bash
# The inbound webhook benchmark of issue 3, end to end: builds the app, starts it on loopback with a fresh
# embedded PostgreSQL in a temporary directory (the demo profile and its data come with it), runs the load
# generator (signed webhooks from concurrent clients, the exactly-once check, the plain JDBC baseline on the
# same database, then a few requests one at a time with their database work counted), stops the app and
# prints the report.
#
#   bench/run-webhook-benchmark.sh [generator options, e.g. --clients=32 --warmup=10 --seconds=60]
#
# Environment: PORT (default 8095), JAVA (the app's java, default `java` on the PATH, e.g.
# JAVA=/path/to/jdk-25/bin/java), SKIP_BUILD=1 to reuse target/balcao-*.jar,
# KEEP_DATA=1 to keep the database directory. The default run takes about 4 minutes, the build included (longer when the app stalls).
set -euo pipefail

cd "$(dirname "$0")/.."
source bench/lib/app.sh
SECRET=bench-secret

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

# The demo asked for explicitly: its numbers and contacts are the traffic, with the secret given here.
SPRING_PROFILES_ACTIVE=demo WHATSAPP_APP_SECRET="$SECRET" bench_start_app "$work"
echo "App JDK: $("$JAVA" -version 2>&1 | head -n 1); started with WHATSAPP_APP_SECRET=$SECRET" >&2

status=0
./mvnw -q -B -f bench/pom.xml exec:java -Dexec.args="--url=http://127.0.0.1:$PORT/webhooks/whatsapp \
--jdbc=$jdbc --secrets=$SECRET,demo-app-secret --phone-number-id=100000000000003 --app-pid=$app \
--pg-data=$work/pg --clock-ticks=$(getconf CLK_TCK) $*" || status=$?

bench_stop_app
exit "$status"
