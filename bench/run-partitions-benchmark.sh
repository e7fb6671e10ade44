#!/usr/bin/env bash
# Messages partitioned by month (issue 24): generates the history on the schema before partitioning (Flyway target
# V20), then lets the app migrate it (V21, timed), and measures p50/p95 of SQL reads on the partitioned table:
# the contact timeline's first page and an older page, a history list page, a content search and a ticket's
# messages (bench/partitions/*.sql, pgbench, one client, prepared statements as the app's JDBC driver uses them:
# planned once, so the figures are execution times); then EXPLAIN ANALYZE of each (bench/partitions-plans.sql).
#
#   bench/run-partitions-benchmark.sh --messages=5000000
#   bench/run-partitions-benchmark.sh --messages=20000000 --contacts=1000000
#   bench/run-partitions-benchmark.sh --messages=200000 --contacts=20000 --seconds=5     # a quick check
#
# --seconds=N: how long each statement is run (default 30). Other --options go to bench/generate-data.sh
# (its defaults: 1,000,000 contacts, 365 days of history). SKIP_BUILD=1 reuses target/balcao-*.jar; PORT as in
# bench/lib/app.sh. Needs psql and pgbench on the PATH.
# KEEP_DATA=1 keeps the database in the printed folder; BENCH_WORK=<that folder> measures it again (steps 3 and 4
# only), e.g. to generate a large data set on a busy machine and measure it once the machine is quiet.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/app.sh

seconds=30
generator=()
for arg in "$@"; do
    case "$arg" in
        --seconds=*) seconds=${arg#--seconds=} ;;
        *) generator+=("$arg") ;;
    esac
done

work=${BENCH_WORK:-$(mktemp -d)}
if [[ "${KEEP_DATA:-0}" == 1 || -n "${BENCH_WORK:-}" ]]; then
    trap 'bench_stop_app; echo "Data kept in $work"' EXIT
else
    trap 'bench_stop_app; rm -rf "$work"' EXIT
fi
bench_build_app

if [[ -n "${BENCH_WORK:-}" ]]; then
    bench_start_app "$work"
    db=$(bench_psql_url "$jdbc")
else
echo "== 1. The schema before partitioning (V20), and the generated data"
bench_start_app "$work" --spring.flyway.target=20 --balcao.messages.partition-initial-delay=1d \
        --balcao.demo.auto-activate=false   # the demo data needs the newest schema
db=$(bench_psql_url "$jdbc")
start=$(date +%s)
bench/generate-data.sh --db="$jdbc" "${generator[@]}"
psql "$db" -X -q -c "VACUUM ANALYZE"
echo "Generated in $(( $(date +%s) - start )) s: $(psql "$db" -X -At -c "SELECT count(*) FROM messages") messages," \
     "messages with its indexes $(psql "$db" -X -At -c "SELECT pg_size_pretty(pg_total_relation_size('messages'))")"
bench_stop_app

echo "== 2. V21: the app migrates messages into months at its start"
start=$(date +%s)
bench_start_app "$work"
db=$(bench_psql_url "$jdbc")
echo "App ready $(( $(date +%s) - start )) s after its start; V21 itself:" \
     "$(psql "$db" -X -At -c "SELECT round(execution_time / 1000.0, 1) FROM flyway_schema_history WHERE version = '21'") s"
psql "$db" -X -q -c "VACUUM ANALYZE"
psql "$db" -X -At -F ' ' -c "
    SELECT count(*) || ' months (+ default), messages with their indexes ' || pg_size_pretty(sum(pg_total_relation_size(c.oid)))
           || ', message_wamids ' || pg_size_pretty(pg_total_relation_size('message_wamids'))
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'messages'::regclass"
fi

echo "== 3. p50/p95 of each read, ${seconds} s each (pgbench, 1 client, prepared statements)"
# The statements' psql variables, written into copies of the statements (pgbench has no psql quoting).
psql "$db" -X -q -f bench/partitions/variables.sql -c '\echo heavy=:heavy cursor=:cursor number_id=:number_id big_ticket=:big_ticket numbers=:numbers' \
    | tail -n 1 >"$work/variables"
echo "Variables: $(cat "$work/variables")"
for statement in timeline-first-page timeline-older-page history-page content-search ticket-messages; do
    script="$work/$statement.sql"
    sed "s/^:explain$//" "bench/partitions/$statement.sql" >"$script"
    for pair in $(cat "$work/variables"); do
        name=${pair%%=*}; value=${pair#*=}
        sed -i -e "s/:'$name'/'$value'/g" -e "s/:$name\\b/$value/g" "$script"
    done
    (cd "$work" && pgbench -n -M prepared -c 1 -T "$seconds" -f "$script" -l --log-prefix="$statement" "$db" >/dev/null 2>&1)
    awk '{print $3}' "$work/$statement".* | sort -n | awk -v name="$statement" '
        { v[NR] = $1 }
        END { printf "%-22s %7d runs  p50 %8.2f ms  p95 %8.2f ms\n", name, NR, v[int(NR * 0.50) + 1] / 1000,
                     v[int(NR * 0.95) + 1] / 1000 }'
done

echo "== 4. Plans"
psql "$db" -X -f bench/partitions-plans.sql
