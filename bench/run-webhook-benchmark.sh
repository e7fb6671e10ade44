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
# JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java), SKIP_BUILD=1 to reuse target/balcao-*.jar,
# KEEP_DATA=1 to keep the database directory. The default run takes about 4 minutes, the build included (longer when the app stalls).
set -euo pipefail

cd "$(dirname "$0")/.."
PORT=${PORT:-8095}
JAVA=${JAVA:-java}
SECRET=bench-secret

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    echo "Building the app (./mvnw -q -B -DskipTests package)..." >&2
    ./mvnw -q -B -DskipTests package
fi
jar=$(ls target/balcao-*.jar 2>/dev/null | grep -v -- '-plain.jar$' | head -n 1 || true)
[[ -n "$jar" ]] || { echo "No target/balcao-*.jar: build the app first" >&2; exit 2; }
./mvnw -q -B -f bench/pom.xml compile

if curl -s -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null; then
    echo "Something already answers on port $PORT; choose another with PORT=..." >&2
    exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/balcao-bench.XXXXXX")
log="$work/app.log"
app=""

stop_app() {
    if [[ -n "$app" ]] && kill -0 "$app" 2>/dev/null; then
        kill "$app" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$app" 2>/dev/null || break; sleep 1; done
        if kill -0 "$app" 2>/dev/null; then
            echo "The app did not stop within 60 s; killing it" >&2
            kill -9 "$app" 2>/dev/null || true
        fi
        wait "$app" 2>/dev/null || true
    fi
    app=""
    # The embedded PostgreSQL stops with the app; should it outlive a killed app, stop it by its own pid.
    if [[ -f "$work/pg/postmaster.pid" ]]; then
        pm=$(head -n 1 "$work/pg/postmaster.pid" 2>/dev/null || true)
        if [[ -n "$pm" ]] && kill -0 "$pm" 2>/dev/null; then
            kill -INT "$pm" 2>/dev/null || true
            for _ in $(seq 1 30); do kill -0 "$pm" 2>/dev/null || break; sleep 1; done
        fi
    fi
}

finish() {
    stop_app
    if [[ "${KEEP_DATA:-0}" != 1 ]]; then
        rm -rf "$work/pg"
    fi
    echo "App log: $log" >&2
}
trap finish EXIT
trap 'exit 130' INT TERM

echo "Starting $jar with $("$JAVA" -version 2>&1 | head -n 1) on 127.0.0.1:$PORT, database in $work/pg..." >&2
BALCAO_EMBEDDED_DATABASE_DATA_DIRECTORY="$work/pg" PORT="$PORT" WHATSAPP_APP_SECRET="$SECRET" \
    "$JAVA" -jar "$jar" --server.address=127.0.0.1 >"$log" 2>&1 &
app=$!

ready=""
for _ in $(seq 1 240); do
    if ! kill -0 "$app" 2>/dev/null; then
        echo "The app stopped while starting; its log:" >&2
        tail -n 40 "$log" >&2
        exit 1
    fi
    if curl -fsS "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; then
        ready=yes
        break
    fi
    sleep 1
done
[[ -n "$ready" ]] || { echo "The app was not ready within 240 s" >&2; exit 1; }

jdbc=$(grep -o 'Embedded PostgreSQL running: jdbc:postgresql://[^ ]*' "$log" | head -n 1 \
    | sed 's/^Embedded PostgreSQL running: //')
[[ -n "$jdbc" ]] || { echo "No 'Embedded PostgreSQL running' line in $log" >&2; exit 1; }
echo "App ready; database $jdbc" >&2
echo "App JDK: $("$JAVA" -version 2>&1 | head -n 1); started with WHATSAPP_APP_SECRET=$SECRET" >&2

status=0
./mvnw -q -B -f bench/pom.xml exec:java -Dexec.args="--url=http://127.0.0.1:$PORT/webhooks/whatsapp \
--jdbc=$jdbc --secrets=$SECRET,demo-app-secret --phone-number-id=100000000000003 --app-pid=$app \
--pg-data=$work/pg --clock-ticks=$(getconf CLK_TCK) $*" || status=$?

stop_app
exit "$status"
