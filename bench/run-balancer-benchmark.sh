#!/usr/bin/env bash
# The balancer run of issue 24: one PostgreSQL started here (with a streaming replica, --replica), two app
# instances on it, HAProxy in front (health check on /actuator/health/readiness, SSE unbuffered), and through
# HAProxy the inbound load of a Meta that redelivers what was not answered 200, a few signed-in agents fetching
# pages and a few holding the Desk's and Monitoring's live streams. In the middle, instance 1 gets SIGTERM
# (graceful: readiness DOWN, drain, finish what it started), stays down a while and is started again. Prints
# the webhooks' answers, the 503s retried, messages sent vs stored (lost, duplicated), the pages' answers by
# instance and the live streams' reconnects and to which instance (br.com.balcao.bench.BalancerBenchmark).
#
#   bench/run-balancer-benchmark.sh [--seconds=180] [--webhook-clients=4] [--page-clients=2] [--live-clients=4]
#                                   [--replica] [--down=15]  (other --name=value options go to the generator)
#
# Instance 1 gets SIGTERM a third into the load and is started again --down seconds after it stopped; give the
# load time to see it back (its start takes 20-60 s on a busy 2-core machine).
#
# Needs haproxy (Debian/Ubuntu: apt-get install haproxy), psql, unzip and xz; nothing from the network.
# PostgreSQL is the one the app embeds (its programs unpacked from the app's jar). Environment: PORT (HAProxy,
# default 8390; the instances take the next two, PostgreSQL the two after), JAVA, SKIP_BUILD=1, KEEP_DATA=1.
set -euo pipefail

cd "$(dirname "$0")/.."
LB_PORT=${PORT:-8390}
source bench/lib/app.sh
source bench/lib/postgres.sh

SECRET=bench-secret
APP_PORTS=($((LB_PORT + 1)) $((LB_PORT + 2)))
PG_PORT=$((LB_PORT + 3))
REPLICA_PORT=$((LB_PORT + 4))
SECONDS_OF_LOAD=180
DOWN=15
REPLICA=0
generator=()
for arg in "$@"; do
    case "$arg" in
        --seconds=*) SECONDS_OF_LOAD=${arg#--seconds=} ;;
        --down=*) DOWN=${arg#--down=} ;;
        --replica) REPLICA=1 ;;
        *) generator+=("$arg") ;;
    esac
done

HAPROXY=$(command -v haproxy || true)
[[ -z "$HAPROXY" && -x /usr/sbin/haproxy ]] && HAPROXY=/usr/sbin/haproxy
if [[ -z "$HAPROXY" ]]; then
    echo "haproxy is missing: install Debian's package (sudo apt-get install haproxy) or put haproxy on the PATH" >&2
    exit 2
fi
bench_require_free_ports "$LB_PORT" "${APP_PORTS[@]}" "$PG_PORT" "$REPLICA_PORT"

bench_build_app
work=$(mktemp -d "${TMPDIR:-/tmp}/balcao-balancer.XXXXXX")
pids=()

finish() {
    [[ -f "$work/app1.pid" ]] && pids+=("$(cat "$work/app1.pid")")
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    done
    bench_pg_stop "$work"
    if [[ "${KEEP_DATA:-0}" != 1 ]]; then
        rm -rf "$work/pg" "$work/replica" "$work/pgbin"
    fi
    echo "Logs in $work" >&2
}
trap finish EXIT
trap 'exit 130' INT TERM

# --- PostgreSQL, independent of the apps: the binaries the app embeds ------------------------------------
bench_pg_unpack "$work"
bench_pg_start_primary "$work" "$PG_PORT"
jdbc=$pg_jdbc

replica_env=()
if [[ "$REPLICA" == 1 ]]; then
    bench_pg_start_replica "$work" "$PG_PORT" "$REPLICA_PORT" balancer_replica
    replica_env=(SPRING_DATASOURCE_REPLICA_URL="jdbc:postgresql://127.0.0.1:$REPLICA_PORT/balcao"
                 SPRING_DATASOURCE_REPLICA_USERNAME=postgres)
fi

# --- two instances ------------------------------------------------------------------------------------
declare -A instance_pid
start_instance() { # start_instance 1|2
    local n=$1 port=${APP_PORTS[$(($1 - 1))]}
    env SPRING_PROFILES_ACTIVE=demo WHATSAPP_APP_SECRET="$SECRET" SPRING_DATASOURCE_URL="$jdbc" \
        SPRING_DATASOURCE_USERNAME=postgres BALCAO_INSTANCE_NAME="app$n" BALCAO_SHUTDOWN_DRAIN_DELAY=6s \
        BALCAO_MEDIA_FOLDER="$work/media" PORT="$port" "${replica_env[@]}" \
        "$JAVA" -jar "$bench_jar" --server.address=127.0.0.1 >>"$work/app$n.log" 2>&1 &
    instance_pid[$n]=$!
    pids+=($!)
    for _ in $(seq 1 "${READY_SECONDS:-240}"); do
        kill -0 "${instance_pid[$n]}" 2>/dev/null || { tail -n 40 "$work/app$n.log" >&2; exit 1; }
        curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && {
            echo "$(date +%T) app$n ready on 127.0.0.1:$port (pid ${instance_pid[$n]})" >&2; return; }
        sleep 1
    done
    echo "app$n not ready in time" >&2
    exit 1
}
start_instance 1 # migrates the database and loads the demo's data alone, before the second starts
start_instance 2

# --- HAProxy ------------------------------------------------------------------------------------------
sed -e "s/@LB_PORT@/$LB_PORT/; s/@APP1@/${APP_PORTS[0]}/; s/@APP2@/${APP_PORTS[1]}/" \
    bench/haproxy/balancer.cfg >"$work/haproxy.cfg"
"$HAPROXY" -c -q -f "$work/haproxy.cfg"
"$HAPROXY" -db -f "$work/haproxy.cfg" >"$work/haproxy.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 20); do
    curl -fsS "http://127.0.0.1:$LB_PORT/actuator/health/readiness" >/dev/null 2>&1 && break
    sleep 0.5
done
echo "HAProxy on 127.0.0.1:$LB_PORT in front of ${APP_PORTS[*]}" >&2

# --- instance 1 stopped gracefully in the middle of the load, then started again -----------------------
(
    sleep $((SECONDS_OF_LOAD / 3))
    echo "$(date +%T) SIGTERM to app1" >&2
    started=$(date +%s)
    kill -TERM "${instance_pid[1]}"
    while kill -0 "${instance_pid[1]}" 2>/dev/null; do sleep 0.2; done
    echo "$(date +%T) app1 stopped after $(($(date +%s) - started)) s; down for $DOWN s" >&2
    sleep "$DOWN"
    start_instance 1
    echo "${instance_pid[1]}" >"$work/app1.pid"
) &
restarter=$!
pids+=($restarter)

status=0
./mvnw -q -B -f bench/pom.xml exec:java -Dbench.main=br.com.balcao.bench.BalancerBenchmark \
    -Dexec.args="--url=http://127.0.0.1:$LB_PORT --jdbc=$jdbc --secret=$SECRET --phone-number-id=100000000000003 \
--seconds=$SECONDS_OF_LOAD ${generator[*]}" || status=$?
wait "$restarter" 2>/dev/null || true
sleep 3 # HAProxy's checks see the restarted instance UP
echo "HAProxy's view of the servers (from its log):" >&2
grep -E "^\[WARNING\].* is (DOWN|UP)" "$work/haproxy.log" >&2 || true
exit "$status"
