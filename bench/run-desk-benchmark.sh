#!/usr/bin/env bash
# The Desk under concurrent load (issue 4): builds and starts the app with a fresh embedded PostgreSQL,
# appends the large generated data set (bench/generate-data.sh), signs in as an agent of "Bench 01" and
# runs wrk against the desk page, the view of a ticket of 5,000 messages and that ticket's timeline
# fragment, each with the same session. Prints one line per page: requests per second and latencies.
#
#   bench/run-desk-benchmark.sh [--connections=16] [--seconds=30] [generator options, e.g. --contacts=100000]
#
# Environment: as bench/lib/app.sh (PORT, JAVA, SKIP_BUILD=1), KEEP_DATA=1 to keep the database.
# Needs wrk and psql. With the defaults the data set is 1,000,000 contacts and 5,000,000 messages of history
# plus 50,000 tickets and 500,000 messages today; generation takes several minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/app.sh
source bench/lib/login.sh

connections=16
seconds=30
generator=(--today-tickets=50000 --today-messages=500000)
for arg in "$@"; do
    case "$arg" in
        --connections=*) connections=${arg#*=} ;;
        --seconds=*) seconds=${arg#*=} ;;
        *) generator+=("$arg") ;;
    esac
done
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 2; }
command -v psql >/dev/null || { echo "psql is needed (apt-get install postgresql-client)" >&2; exit 2; }

bench_build_app
work=$(mktemp -d "${TMPDIR:-/tmp}/balcao-desk-bench.XXXXXX")
finish() {
    bench_stop_app
    [[ "${KEEP_DATA:-0}" == 1 ]] || rm -rf "$work/pg" "$work/backups"
    echo "App log: $log" >&2
}
trap finish EXIT
trap 'exit 130' INT TERM

bench_start_app "$work"
db=$(bench_psql_url "$jdbc")
bench/generate-data.sh --db="$db" "${generator[@]}"

base="http://127.0.0.1:$PORT"
agent=bench.agent.1.1@bench.local
session=$(bench_login "$base" "$agent" bench)
big_ticket=$(psql "$db" -X -At -c "
    SELECT m.ticket_id FROM messages m JOIN business_numbers n ON n.id = m.number_id
     WHERE n.name = 'Bench 01' GROUP BY m.ticket_id ORDER BY count(*) DESC LIMIT 1")
read -r listed messages_of_big <<<"$(psql "$db" -X -At -F ' ' -c "
    SELECT (SELECT count(*) FROM tickets t JOIN app_users u ON u.id = t.agent_id
             WHERE u.email = '$agent' AND t.status IN ('ASSIGNED', 'OPEN')),
           (SELECT count(*) FROM messages WHERE ticket_id = $big_ticket)")"
echo "Agent $agent: $listed tickets in the list; ticket $big_ticket has $messages_of_big messages" >&2
echo "Load while measuring: $(uptime)" >&2

run() {
    local name=$1 path=$2
    # a few requests first, so that the first compilation of the page is not measured
    wrk -t2 -c4 -d5s -H "Cookie: SESSION=$session" "$base$path" >/dev/null
    local line
    line=$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -H "Cookie: SESSION=$session" \
        -s bench/wrk/percentiles.lua "$base$path" | grep '^RESULT')
    printf '%-28s %s\n' "$name" "${line#RESULT }"
}

echo "connections=$connections seconds=$seconds"
run "desk page" "/desk"
run "ticket view (5,000 msgs)" "/desk/tickets/$big_ticket"
run "timeline fragment" "/desk/tickets/$big_ticket/timeline"
run "ticket list fragment" "/desk/list"
echo "Load after: $(uptime)" >&2
