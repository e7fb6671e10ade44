#!/usr/bin/env bash
# Reads on a read replica (issue 24): does moving the history list, the contact search and the monitoring dashboard
# to a streaming replica leave the primary more room for the inbound webhooks? One PostgreSQL primary and its
# streaming replica (the programs the app embeds, bench/lib/postgres.sh), the generated data set
# (bench/generate-data.sh), then the same load twice on one app instance, each time started afresh:
#
#   run A  the app with SPRING_DATASOURCE_REPLICA_URL: those reads go to the replica
#   run B  the app without it: the same reads land on the primary
#
# The load of a run (br.com.balcao.bench.ReplicaReadsBenchmark): the inbound webhook benchmark (signed webhooks,
# msg/s, p50/p95, lost/duplicated; its report as bench/run-webhook-benchmark.sh prints it) and, over the same
# warm-up and measured seconds, --readers signed-in agents each reading, one page after the other, the history list
# of the last --period-days, the Conversations page's contact search and the monitoring dashboard of all numbers.
# Where the reads went: pg_stat_database of the primary and of the replica before and after each run (their
# deltas) and the CPU used by each server's processes, the app's `replica` health component at the start and the
# end, and the replica's lag seen meanwhile.
# Last, one table comparing the runs.
#
#   bench/run-replica-benchmark.sh [--seconds=60] [--warmup=10] [--readers=4] [--period-days=30] [--order=AB]
#                                  [--contacts=100000] [--messages=500000]  (and generate-data.sh's other options)
#                                  [--clients=32 ...]  (any other --name=value goes to the webhook generator)
#
# Needs psql, unzip, xz and jq. Environment: PORT (the app, default 8400; PostgreSQL takes the next two), JAVA,
# SKIP_BUILD=1, BENCH_JAR, KEEP_DATA=1 (keep the databases in the work folder). With the defaults a run takes about
# 10 minutes on a 2-core machine, most of it the data set and the app's three starts.
set -euo pipefail

cd "$(dirname "$0")/.."
PORT=${PORT:-8400}
source bench/lib/app.sh
source bench/lib/postgres.sh
source bench/lib/login.sh

SECRET=bench-secret
PG_PORT=$((PORT + 1))
REPLICA_PORT=$((PORT + 2))
seconds=60
warmup=10
readers=4
period_days=30
order=AB
data=(--contacts=100000 --messages=500000)
generator=()
for arg in "$@"; do
    case "$arg" in
        --seconds=*) seconds=${arg#*=} ;;
        --warmup=*) warmup=${arg#*=} ;;
        --readers=*) readers=${arg#*=} ;;
        --period-days=*) period_days=${arg#*=} ;;
        --order=*) order=${arg#*=} ;;
        --numbers=* | --agents=* | --contacts=* | --messages=* | --history-days=* | --heavy-messages=* \
            | --big-ticket=* | --today-tickets=* | --today-messages=*) data+=("$arg") ;;
        --*=*) generator+=("$arg") ;;
        *) echo "Unknown argument $arg (see the head of $0)" >&2; exit 2 ;;
    esac
done
[[ "$order" =~ ^(AB|BA|A|B)$ ]] || { echo "--order is AB, BA, A or B" >&2; exit 2; }
command -v jq >/dev/null || { echo "jq is missing (Debian: apt-get install jq)" >&2; exit 2; }
bench_require_free_ports "$PORT" "$PG_PORT" "$REPLICA_PORT"

bench_build_app
work=$(mktemp -d "${TMPDIR:-/tmp}/balcao-replica.XXXXXX")
sampler=""
finish() {
    [[ -n "$sampler" ]] && kill "$sampler" 2>/dev/null
    bench_stop_app
    bench_pg_stop "$work"
    [[ "${KEEP_DATA:-0}" != 1 ]] && rm -rf "$work/pg" "$work/replica" "$work/pgbin"
    echo "Logs in $work" >&2
}
trap finish EXIT
trap 'exit 130' INT TERM

bench_pg_unpack "$work"
bench_pg_start_primary "$work" "$PG_PORT"
primary="postgresql://postgres@127.0.0.1:$PG_PORT/balcao"
replica="postgresql://postgres@127.0.0.1:$REPLICA_PORT/balcao"
base="http://127.0.0.1:$PORT"
export SPRING_PROFILES_ACTIVE=demo WHATSAPP_APP_SECRET=$SECRET SPRING_DATASOURCE_URL=$pg_jdbc \
    SPRING_DATASOURCE_USERNAME=postgres BALCAO_MEDIA_FOLDER=$work/media

# The app migrates the database and loads the demo's data (its number 100000000000003, open 24 hours, takes the
# webhooks); the data set is added to it, then the replica is made from a base backup of it all.
mkdir -p "$work/setup"
bench_start_app "$work/setup"
bench/generate-data.sh --db="$pg_jdbc" "${data[@]}" >"$work/generate-data.log"
bench_stop_app
psql -X -q "$primary" -c "VACUUM ANALYZE"
bench_pg_start_replica "$work" "$PG_PORT" "$REPLICA_PORT" bench_replica

# xact_commit, tup_returned, tup_fetched of the balcao database, as one line.
database_counters() {
    psql -X -At -F ' ' "$1" -c "SELECT xact_commit, tup_returned, tup_fetched FROM pg_stat_database WHERE datname = 'balcao'"
}

# The app's replica component (admins see the components), one line of JSON.
replica_health() {
    local session
    session=$(bench_login "$base" bench.admin@bench.local bench) || { echo "(admin login failed)"; return; }
    curl -fsS -b "SESSION=$session" "$base/actuator/health" | jq -c '.components.replica // "no replica component"'
}

# Every second: the replica's replay lag as the primary sees it (ms) and the WAL it has yet to replay (bytes).
sample_lag() {
    while true; do
        psql -X -At -F ' ' "postgresql://postgres@127.0.0.1:$PG_PORT/postgres" -c "SELECT
            coalesce(round(extract(epoch FROM replay_lag) * 1000), 0), pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)
            FROM pg_stat_replication" 2>/dev/null || true
        sleep 1
    done
}

cpu_seconds() { # cpu_seconds TICKS_BEFORE TICKS_AFTER
    awk -v b="$1" -v a="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", (a - b) / hz }'
}

declare -A delta
run() { # run A|B
    local label=$1
    echo "== Run $label: $([[ $label == A ]] && echo "reads on the replica" || echo "reads on the primary") ==" >&2
    mkdir -p "$work/$label"
    if [[ "$label" == A ]]; then
        SPRING_DATASOURCE_REPLICA_URL="jdbc:postgresql://127.0.0.1:$REPLICA_PORT/balcao" \
            SPRING_DATASOURCE_REPLICA_USERNAME=postgres bench_start_app "$work/$label"
        for _ in $(seq 1 30); do # the replica's first probe
            replica_health | grep -q '"readsOn":"replica"' && break
            sleep 1
        done
    else
        bench_start_app "$work/$label"
    fi
    echo "replica health at the start: $(replica_health)"
    local primary_before replica_before primary_after replica_after
    primary_before=$(database_counters "$primary")
    replica_before=$(database_counters "$replica")
    local primary_cpu replica_cpu
    primary_cpu=$(bench_pg_cpu_ticks "$work/pg")
    replica_cpu=$(bench_pg_cpu_ticks "$work/replica")
    sample_lag >"$work/$label/lag" &
    sampler=$!

    local status=0
    ./mvnw -q -B -f bench/pom.xml exec:java -Dbench.main=br.com.balcao.bench.ReplicaReadsBenchmark \
        -Dexec.args="--label=$label --base=$base --readers=$readers --period-days=$period_days \
--url=$base/webhooks/whatsapp --jdbc=$pg_jdbc --secrets=$SECRET --phone-number-id=100000000000003 --app-pid=$app \
--pg-data=$work/pg --clock-ticks=$(getconf CLK_TCK) --warmup=$warmup --seconds=$seconds ${generator[*]}" \
        | tee "$work/$label/report" || status=$?
    echo "replica health at the end: $(replica_health)"
    kill "$sampler" 2>/dev/null
    wait "$sampler" 2>/dev/null || true
    sampler=""
    # The app's connections end with it: their statistics are then all counted.
    bench_stop_app
    sleep 1
    primary_after=$(database_counters "$primary")
    replica_after=$(database_counters "$replica")
    delta[$label.primary_cpu]=$(cpu_seconds "$primary_cpu" "$(bench_pg_cpu_ticks "$work/pg")")
    delta[$label.replica_cpu]=$(cpu_seconds "$replica_cpu" "$(bench_pg_cpu_ticks "$work/replica")")
    echo "CPU from the load's start to the app's stop: primary PostgreSQL ${delta[$label.primary_cpu]} CPU-s," \
         "replica ${delta[$label.replica_cpu]} CPU-s"
    read -r -a b <<<"$primary_before"; read -r -a a <<<"$primary_after"
    delta[$label.primary]=$((a[0] - b[0]))
    echo "primary pg_stat_database delta: xact_commit $((a[0] - b[0])), tup_returned $((a[1] - b[1])), tup_fetched $((a[2] - b[2]))"
    read -r -a b <<<"$replica_before"; read -r -a a <<<"$replica_after"
    delta[$label.replica]=$((a[0] - b[0]))
    echo "replica pg_stat_database delta: xact_commit $((a[0] - b[0])), tup_returned $((a[1] - b[1])), tup_fetched $((a[2] - b[2]))"
    local pages
    pages=$(grep -Eo '^[a-z ]+ +[0-9]+ pages' "$work/$label/report" | awk '{ n += $(NF - 1) } END { print n + 0 }')
    if [[ "$label" == A && "${delta[A.replica]}" -lt "$pages" ]]; then
        echo "WARNING: the replica committed ${delta[A.replica]} transactions for the readers' $pages measured pages:" \
             "the reads did not go to the replica"
    fi
    awk '{ if ($1 > lag) lag = $1; if ($2 > wal) wal = $2; n++ }
         END { printf "replica lag seen (pg_stat_replication, every second, %d samples): replay_lag max %d ms; WAL not yet replayed max %d bytes\n", n, lag, wal }' \
        "$work/$label/lag"
    echo
    [[ "$status" == 0 ]] || echo "Run $label: the check failed or a reader met errors (see above)" >&2
}

for ((i = 0; i < ${#order}; i++)); do
    run "${order:i:1}"
done

echo "== Reads on a replica: inbound webhooks with readers beside them ($seconds s measured, $readers readers) =="
echo "| run | inbound msg/s | inbound p50 | inbound p95 | lost | duplicated | pages/s | history p95 | contact search p95 | monitoring p95 | page errors | replica xacts | primary xacts | replica CPU-s | primary CPU-s |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for ((i = 0; i < ${#order}; i++)); do
    label=${order:i:1}
    IFS='|' read -r _ _ rate p50 p95 lost duplicated pages history search monitoring errors \
        < <(grep '^RESULT|' "$work/$label/report" || echo "RESULT|$label|-|-|-|-|-|-|-|-|-|-")
    name=$([[ $label == A ]] && echo "A: reads on the replica" || echo "B: reads on the primary")
    echo "| $name | $rate | $p50 ms | $p95 ms | $lost | $duplicated | $pages | $history ms | $search ms | $monitoring ms | $errors | ${delta[$label.replica]} | ${delta[$label.primary]} | ${delta[$label.replica_cpu]} | ${delta[$label.primary_cpu]} |"
done
