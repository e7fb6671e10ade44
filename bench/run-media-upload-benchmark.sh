#!/usr/bin/env bash
# Media upload (issue 22): a 100 MB document sent from the composer with the app's heap capped at 256 MB.
# Builds and starts the packaged app (-Xmx256m, GC logged) with a fresh embedded PostgreSQL and the demo data,
# against the simulated gateway (or, with --cloud-api, against a local stand-in of the Graph API that reads
# and discards each upload, so that the app's own upload to WhatsApp is streamed too); signs in as the demo
# agent Ana, gives her a ticket in service with the 24-hour window open, generates a 100 MB PDF (a valid
# %PDF header and padding) and:
#   1. posts it multipart to /desk/tickets/{id}/media like the composer, timing the request;
#   2. waits until the outbox has sent it (upload to the gateway, then the message), timing that too;
#   3. reads the JVM's peak heap in use from the GC log (the heap before each collection, the most it held)
#      and jvm.memory.used (area heap) sampled every 100 ms during the run, against the same figures while idle.
#
#   bench/run-media-upload-benchmark.sh [--cloud-api] [--size-mb=100]
#
# Environment: as bench/lib/app.sh (PORT, JAVA, SKIP_BUILD=1, BENCH_JAR), KEEP_DATA=1 to keep the database.
# Needs psql, curl and python3 (for --cloud-api).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/app.sh
source bench/lib/login.sh

size_mb=100
cloud_api=""
for arg in "$@"; do
    case "$arg" in
        --size-mb=*) size_mb=${arg#*=} ;;
        --cloud-api) cloud_api=yes ;;
        *) echo "Unknown argument $arg (see the head of $0)" >&2; exit 2 ;;
    esac
done
command -v psql >/dev/null || { echo "psql is needed (apt-get install postgresql-client)" >&2; exit 2; }

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    echo "Building the app (./mvnw -q -B -DskipTests package)..." >&2
    ./mvnw -q -B -DskipTests package
fi
bench_jar=${BENCH_JAR:-$(ls target/balcao-*.jar 2>/dev/null | grep -v -- '-plain.jar$' | head -n 1 || true)}
[[ -n "$bench_jar" ]] || { echo "No target/balcao-*.jar: build the app first" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/balcao-media-bench.XXXXXX")
graph=""
finish() {
    bench_stop_app
    [[ -z "$graph" ]] || kill "$graph" 2>/dev/null || true
    [[ "${KEEP_DATA:-0}" == 1 ]] || rm -rf "$work/pg" "$work/backups" "$work/media" "$work/document.pdf"
    echo "App log: $log" >&2
}
trap finish EXIT
trap 'exit 130' INT TERM

gateway_args=()
if [[ -n "$cloud_api" ]]; then
    graph_port=$((PORT + 1))
    python3 bench/lib/graph-stand-in.py "$graph_port" >"$work/graph.log" 2>&1 &
    graph=$!
    sleep 1
    gateway_args=(--balcao.whatsapp.gateway=CLOUD_API --balcao.whatsapp.graph-base-url="http://127.0.0.1:$graph_port"
                  --balcao.whatsapp.access-token=bench-token --spring.profiles.active=demo)
fi

JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:-} -Xmx256m -Xlog:gc:file=$work/gc.log:time" \
    BALCAO_MEDIA_FOLDER="$work/media" bench_start_app "$work" "${gateway_args[@]}"
db=$(bench_psql_url "$jdbc")
base="http://127.0.0.1:$PORT"

# Ana serves a ticket whose customer wrote a minute ago.
ticket=$(psql "$db" -X -q -At -c "
    WITH ana AS (SELECT id FROM app_users WHERE email = 'ana@demo.local'),
         chosen AS (SELECT t.id, t.contact_id FROM tickets t, ana
                     WHERE t.agent_id = ana.id AND t.status IN ('ASSIGNED', 'OPEN') ORDER BY t.id LIMIT 1),
         opened AS (UPDATE contacts c SET last_inbound_at = now() - interval '1 minute'
                      FROM chosen WHERE c.id = chosen.contact_id RETURNING c.id)
    SELECT chosen.id FROM chosen, opened")
[[ -n "$ticket" ]] || { echo "Ana serves no ticket in the demo data" >&2; exit 1; }
session=$(bench_login "$base" ana@demo.local demo)
admin=$(bench_login "$base" admin@demo.local demo)
csrf=$(curl -fsS -b "SESSION=$session" "$base/desk/tickets/$ticket" | grep -o 'name="_csrf" content="[^"]*"' \
    | head -n 1 | sed 's/.*content="//; s/"$//')
header=$(curl -fsS -b "SESSION=$session" "$base/desk/tickets/$ticket" | grep -o 'name="_csrf_header" content="[^"]*"' \
    | head -n 1 | sed 's/.*content="//; s/"$//')
[[ -n "$csrf" && -n "$header" ]] || { echo "No CSRF token on the Desk" >&2; exit 1; }

document="$work/document.pdf"
printf '%%PDF-1.7\n%% Balcao media benchmark\n' >"$document"
head -c $((size_mb * 1024 * 1024 - $(stat -c %s "$document"))) /dev/zero >>"$document"
echo "Document: $(stat -c %s "$document") bytes; ticket $ticket; gateway $([[ -n "$cloud_api" ]] && echo "Cloud API stand-in" || echo simulated)" >&2

heap_used() {
    curl -fsS -b "SESSION=$admin" "$base/actuator/metrics/jvm.memory.used?tag=area:heap" \
        | python3 -c 'import json,sys; print(int(json.load(sys.stdin)["measurements"][0]["value"]))'
}
# The largest heap in use before a collection in the GC log's lines after the given time (HH:MM:SS.mmm).
gc_peak_since() {
    awk -v since="$1" '{ t = substr($1, 13, 12) } t >= since && match($0, / [0-9]+M->[0-9]+M\(/) {
        v = substr($0, RSTART + 1); sub(/M.*/, "", v); if (v + 0 > peak) peak = v + 0 } END { print peak + 0 }' "$work/gc.log"
}
sample_heap() {
    local out=$1
    : >"$out"
    while true; do heap_used >>"$out" 2>/dev/null || true; sleep 0.1; done
}
max_mb() { sort -n "$1" | tail -n 1 | awk '{ printf "%.0f", $1 / 1048576 }'; }

echo "== Idle for 5 s"
idle_from=$(date -u +%H:%M:%S.%3N)
sample_heap "$work/idle.samples" &
sampler=$!
sleep 5
kill "$sampler"; wait "$sampler" 2>/dev/null || true
echo "RESULT idle: heap used max $(max_mb "$work/idle.samples") MB (sampled), GC log peak $(gc_peak_since "$idle_from") MB"

echo "== Upload of ${size_mb} MB"
from=$(date -u +%H:%M:%S.%3N)
sample_heap "$work/upload.samples" &
sampler=$!
start=$(date +%s.%N)
status=$(curl -sS -o "$work/answer.html" -w '%{http_code} %{time_total}' -b "SESSION=$session" -H "$header: $csrf" \
    -F "file=@$document;type=application/pdf;filename=catalogo.pdf" -F "caption=Catálogo completo" \
    "$base/desk/tickets/$ticket/media")
accepted=$(date +%s.%N)
message=$(psql "$db" -X -q -At -c "SELECT id FROM messages WHERE ticket_id = $ticket AND type = 'DOCUMENT'
                                     AND direction = 'OUTBOUND' ORDER BY id DESC LIMIT 1")
state=""
[[ -n "$message" ]] || { echo "Refused: $(cat "$work/answer.html")" >&2; }
for _ in $(seq 1 "$([[ -n "$message" ]] && echo 600 || echo 0)"); do
    state=$(psql "$db" -X -q -At -c "SELECT status FROM messages WHERE id = ${message:-0}")
    [[ "$state" == PENDING || -z "$state" ]] || break
    sleep 0.1
done
sent=$(date +%s.%N)
kill "$sampler"; wait "$sampler" 2>/dev/null || true
kept=$(psql "$db" -X -q -At -c "SELECT size_bytes || ' bytes, sha256 ' || left(sha256, 12) || '…, WhatsApp id '
                                   || coalesce(whatsapp_media_id, '-') FROM media_files f JOIN messages m
                                   ON m.media_file_id = f.id WHERE m.id = ${message:-0}")
echo "RESULT upload: HTTP ${status% *} in ${status#* } s; message $message $state after $(echo "$sent - $start" | bc) s (accepted after $(echo "$accepted - $start" | bc) s)"
echo "RESULT kept: $kept"
echo "RESULT heap: used max $(max_mb "$work/upload.samples") MB (sampled every 100 ms), GC log peak before a collection $(gc_peak_since "$from") MB, of -Xmx256m"
[[ -z "$cloud_api" ]] || echo "RESULT graph stand-in: $(grep -c 'upload' "$work/graph.log") upload(s), $(grep 'upload' "$work/graph.log" | tail -n 1)"
echo "App JVM: $("$JAVA" -version 2>&1 | head -n 1); load: $(uptime)"
[[ "${status% *}" == 204 && "$state" == SENT ]]
