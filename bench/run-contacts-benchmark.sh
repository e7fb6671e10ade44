#!/usr/bin/env bash
# Contacts (issue 6): builds and starts the app with a fresh embedded PostgreSQL, appends the large generated
# data set with all its contacts on one number (default 1,000,000), then
#   1. the filtered contacts list against the raw SQL of the same query (ContactListBenchmark);
#   2. a CSV import of a generated file (default 100,000 lines: 90 % new contacts, 9 % phones the number has,
#      1 % bad lines), through the app's pages like a browser: upload, preview, start, wait; lines per second
#      from the job's start and finish times, and the app process's peak memory (VmHWM) before and after;
#   3. the same file imported again (every line unchanged or rejected).
#
#   bench/run-contacts-benchmark.sh [--lines=100000] [--requests=40] [generator options, e.g. --contacts=100000]
#
# Environment: as bench/lib/app.sh (PORT, JAVA, SKIP_BUILD=1), KEEP_DATA=1 to keep the database.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/app.sh
source bench/lib/login.sh

lines=100000
requests=40
generator=(--numbers=1 --contacts=1000000 --messages=20000 --heavy-messages=0 --big-ticket=0)
for arg in "$@"; do
    case "$arg" in
        --lines=*) lines=${arg#*=} ;;
        --requests=*) requests=${arg#*=} ;;
        *) generator+=("$arg") ;;
    esac
done
command -v psql >/dev/null || { echo "psql is needed (apt-get install postgresql-client)" >&2; exit 2; }

bench_build_app
work=$(mktemp -d "${TMPDIR:-/tmp}/balcao-contacts-bench.XXXXXX")
finish() {
    bench_stop_app
    [[ "${KEEP_DATA:-0}" == 1 ]] || rm -rf "$work/pg" "$work/backups"
    echo "App log: $log" >&2
}
trap finish EXIT
trap 'exit 130' INT TERM

bench_start_app "$work" --balcao.contacts.import-directory="$work/imports"
db=$(bench_psql_url "$jdbc")
bench/generate-data.sh --db="$db" "${generator[@]}"
psql "$db" -X -q -c "VACUUM ANALYZE contacts"

base="http://127.0.0.1:$PORT"
agent=bench.agent.1.1@bench.local
session=$(bench_login "$base" "$agent" bench)
number=$(psql "$db" -X -At -c "SELECT id FROM business_numbers WHERE name = 'Bench 01'")
contacts=$(psql "$db" -X -At -c "SELECT count(*) FROM contacts WHERE number_id = $number")
echo "Number $number (Bench 01) has $contacts contacts"
echo "Load before the list: $(uptime)"

./mvnw -q -B -f bench/pom.xml dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt" >/dev/null
"$JAVA" -cp "bench/target/classes:$(cat "$work/classpath.txt")" br.com.balcao.bench.ContactListBenchmark \
    "$base" "$session" "$jdbc" "$number" "$requests"
echo "Load after the list: $(uptime)"

# The file: Brazilian spreadsheet style (BOM, semicolons), an extra column; 9 % of the lines carry a phone the
# number already has (an update), 1 % are bad (no phone, an invalid phone, a duplicate of an earlier line).
csv="$work/contatos.csv"
existing=$(( lines * 9 / 100 ))
psql "$db" -X -At -c "SELECT phone_digits FROM contacts WHERE number_id = $number ORDER BY id LIMIT $existing" \
    >"$work/existing.txt"
awk -v lines="$lines" 'BEGIN {
        printf "\xef\xbb\xbfnome;telefone;email;cidade;documento;plano\r\n"
        split("São Paulo,Recife,Florianópolis,Goiânia", cities, ",")
    }
    { known[n++] = $1 }
    END {
        for (i = 0; i < lines; i++) {
            if (i % 100 == 99) {           # bad lines: no phone, an invalid phone, the previous line again
                kind = int(i / 100) % 3
                phone = kind == 0 ? "" : (kind == 1 ? "12345" : sprintf("+55999%08d", i - 1))
            } else if (i % 11 == 0 && k < n) {
                phone = "+" known[k++]
            } else {
                phone = sprintf("+55999%08d", i)
            }
            printf "Cliente Importação %d;%s;cliente%d@importado.com.br;%s;;plano %d\r\n", i, phone, i, cities[1 + i % 4], i % 5
        }
    }' "$work/existing.txt" >"$csv"
echo "CSV: $lines lines, $(du -h "$csv" | cut -f1)"

import() {
    local label=$1
    local jar token location import_id
    jar=$(mktemp)
    printf '127.0.0.1\tFALSE\t/\tFALSE\t0\tSESSION\t%s\n' "$session" >"$jar"
    token=$(curl -fsS -b "$jar" "$base/contacts/import" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 \
        | sed 's/.*value="//; s/"$//')
    local hwm_before
    hwm_before=$(awk '/VmHWM/ {print $2}' "/proc/$app/status")
    local upload_start upload_end
    upload_start=$(date +%s.%N)
    location=$(curl -sS -o /dev/null -w '%{redirect_url}' -b "$jar" -F "_csrf=$token" -F "file=@$csv;type=text/csv" \
        "$base/contacts/import")
    upload_end=$(date +%s.%N)
    import_id=${location##*/}
    [[ "$import_id" =~ ^[0-9]+$ ]] || { echo "Upload refused (redirect '$location')" >&2; exit 1; }
    curl -fsS -b "$jar" "$base/contacts/import/$import_id" >/dev/null
    curl -sS -o /dev/null -b "$jar" -d "_csrf=$token" "$base/contacts/import/$import_id/start"
    local status=RUNNING
    while [[ "$status" == RUNNING ]]; do
        sleep 0.5
        status=$(psql "$db" -X -At -c "SELECT status FROM contact_imports WHERE id = $import_id")
        curl -fsS -b "$jar" "$base/contacts/import/$import_id/progress" >/dev/null
    done
    rm -f "$jar"
    local hwm_after rss_after
    hwm_after=$(awk '/VmHWM/ {print $2}' "/proc/$app/status")
    rss_after=$(awk '/VmRSS/ {print $2}' "/proc/$app/status")
    psql "$db" -X -At -F ' ' -c "
        SELECT '$label: status=' || status, 'lines=' || processed, 'created=' || created, 'updated=' || updated,
               'unchanged=' || unchanged, 'rejected=' || rejected,
               'seconds=' || round(extract(epoch FROM finished_at - started_at)::numeric, 2),
               'lines/s=' || round(processed / greatest(extract(epoch FROM finished_at - started_at), 0.001))
          FROM contact_imports WHERE id = $import_id"
    echo "$label: upload and preview scan $(echo "$upload_end - $upload_start" | bc) s;" \
         "app VmHWM ${hwm_before} kB before, ${hwm_after} kB after; VmRSS ${rss_after} kB after"
}

echo "Load before the import: $(uptime)"
import "first import"
echo "Load after the first import: $(uptime)"
import "same file again"
echo "Load after: $(uptime)"
