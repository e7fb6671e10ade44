#!/usr/bin/env bash
# Ticket PDFs (issue 7): builds and starts the app with a fresh embedded PostgreSQL, appends the generated
# data (bench/generate-data.sh, which includes one closed ticket of 5,000 messages) and 200 closed tickets of
# 50 messages (bench/pdf-tickets.sql), signs in as the bench manager and:
#   1. times the PDF of the 5,000-message ticket (first and last byte) and samples the app's heap in use
#      meanwhile, after a full GC (jcmd GC.run), and reads from the app's GC log the heap left in use after
#      each collection during the request; the same for one 50-message ticket, for comparison;
#   2. forces full collections one after the other while the same PDFs are written, and reads the heap
#      left after each (what the request really holds);
#   3. times PostgreSQL alone reading the 5,000 messages as the PDF does (EXPLAIN ANALYZE), for the ratio;
#   4. asks PDFs of the 50-message tickets with 1 client, then with N concurrent clients: PDFs per second;
#   5. runs the history list's statements under EXPLAIN ANALYZE on the same data (bench/history-list-plans.sql).
#
#   bench/run-pdf-benchmark.sh [--clients=8] [--seconds=30] [--runs=3] [generator options, e.g. --contacts=100000]
#
# Environment: as bench/lib/app.sh (PORT, JAVA, SKIP_BUILD=1), KEEP_DATA=1 to keep the database.
# Needs psql and the JDK's jcmd (next to $JAVA, or on the PATH).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/app.sh
source bench/lib/login.sh

clients=8
seconds=30
runs=3
generator=(--contacts=100000 --messages=500000)
for arg in "$@"; do
    case "$arg" in
        --clients=*) clients=${arg#*=} ;;
        --seconds=*) seconds=${arg#*=} ;;
        --runs=*) runs=${arg#*=} ;;
        *) generator+=("$arg") ;;
    esac
done
command -v psql >/dev/null || { echo "psql is needed (apt-get install postgresql-client)" >&2; exit 2; }
jcmd=$(dirname "$(command -v "$JAVA")")/jcmd
[[ -x "$jcmd" ]] || jcmd=$(command -v jcmd || true)
[[ -n "$jcmd" ]] || { echo "jcmd is needed (it comes with the JDK)" >&2; exit 2; }

bench_build_app
work=$(mktemp -d "${TMPDIR:-/tmp}/balcao-pdf-bench.XXXXXX")
finish() {
    bench_stop_app
    [[ "${KEEP_DATA:-0}" == 1 ]] || rm -rf "$work/pg" "$work/backups"
    echo "App log: $log" >&2
}
trap finish EXIT
trap 'exit 130' INT TERM

# The app's collections go to a log with wall-clock times, so that the client can find those of a request.
JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:-} -Xlog:gc:file=$work/gc.log:time" bench_start_app "$work"
db=$(bench_psql_url "$jdbc")
bench/generate-data.sh --db="$db" "${generator[@]}"
typical=$(psql "$db" -X -q -At -v tickets=200 -f bench/pdf-tickets.sql)
[[ -n "$typical" ]] || { echo "No 50-message tickets were created" >&2; exit 1; }

base="http://127.0.0.1:$PORT"
session=$(bench_login "$base" bench.manager@bench.local bench)
admin=$(bench_login "$base" bench.admin@bench.local bench)
big_ticket=$(psql "$db" -X -At -c "
    SELECT m.ticket_id FROM messages m JOIN business_numbers n ON n.id = m.number_id
     WHERE n.name = 'Bench 01' GROUP BY m.ticket_id ORDER BY count(*) DESC LIMIT 1")
big_messages=$(psql "$db" -X -At -c "SELECT count(*) FROM messages WHERE ticket_id = $big_ticket")
one_typical=${typical%%,*}
echo "Ticket $big_ticket has $big_messages messages; $(tr ',' '\n' <<<"$typical" | wc -l) tickets of 50 messages" >&2

client=(java -cp bench/target/classes br.com.balcao.bench.PdfBenchmark)
single() {
    local ticket=$1
    "$jcmd" "$app" GC.run >/dev/null
    sleep 1
    "${client[@]}" single "$base" "$session" "$admin" "$ticket" "$work/gc.log" | grep '^RESULT'
}

echo "Load before: $(uptime)"
# warm-up: the first PDFs load the fonts and compile the code paths
for _ in 1 2 3; do "${client[@]}" single "$base" "$session" "$admin" "$big_ticket" >/dev/null; done
"${client[@]}" load "$base" "$session" 2 5 0 "$typical" >/dev/null

echo "== PDF of one ticket, $runs runs each (heap: jvm.memory.used, area heap, sampled every 10 ms)"
for _ in $(seq 1 "$runs"); do single "$big_ticket"; done
for _ in $(seq 1 "$runs"); do single "$one_typical"; done

# Full collections forced one after the other while a PDF is written: the heap left after each is what is
# really held at that moment (the PDF writer, the cursor's rows, the response buffer), not garbage.
retained() {
    local ticket=$1
    "$jcmd" "$app" GC.run >/dev/null
    sleep 1
    ( while true; do "$jcmd" "$app" GC.run >/dev/null 2>&1; done ) &
    local collector=$!
    "${client[@]}" single "$base" "$session" "$admin" "$ticket" "$work/gc.log" | grep '^RESULT' | tail -n 1
    kill "$collector" 2>/dev/null || true
    wait "$collector" 2>/dev/null || true
}
echo "== Heap held while writing the PDF: full GCs forced continuously during the request ($runs runs each)"
for _ in $(seq 1 "$runs"); do retained "$big_ticket"; done
for _ in $(seq 1 "$runs"); do retained "$one_typical"; done

echo "== PostgreSQL alone: the PDF's message query for ticket $big_ticket (EXPLAIN ANALYZE, $runs runs)"
for _ in $(seq 1 "$runs"); do
    psql "$db" -X -At -c "EXPLAIN (ANALYZE, TIMING OFF)
        SELECT m.id, m.created_at, m.author_type, u.name, m.type, m.body, m.media_id, m.media_url, m.media_file_name,
               m.media_caption, m.latitude, m.longitude, m.template_name
          FROM messages m LEFT JOIN app_users u ON u.id = m.author_user_id
         WHERE m.ticket_id = $big_ticket ORDER BY m.created_at, m.id" | grep 'Execution Time'
done

echo "== 50-message tickets, ${seconds} s after 5 s of warm-up"
"${client[@]}" load "$base" "$session" 1 "$seconds" 5 "$typical" | grep '^RESULT'
"${client[@]}" load "$base" "$session" "$clients" "$seconds" 5 "$typical" | grep '^RESULT'
echo "Load after: $(uptime)"

echo "== The history list's statements on the same data (bench/history-list-plans.sql)"
psql "$db" -X -q -v window_days=92 -f bench/history-list-plans.sql \
    | grep -E '^==|Execution Time|in_window|^ *[0-9]+ *\| *[0-9]+ *$|Index|Seq Scan|Bitmap' || true
echo "App JVM: $("$JAVA" -version 2>&1 | head -n 1); $("$jcmd" "$app" VM.flags 2>/dev/null | grep -o "MaxHeapSize=[0-9]*" | head -n 1 || true)"
