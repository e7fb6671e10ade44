#!/usr/bin/env bash
# Backups of the embedded PostgreSQL (issue 19): builds and starts the app with a fresh embedded PostgreSQL, appends
# the generated data set (bench/generate-data.sh, by default 1,000,000 contacts and 5,000,000 messages), then
#   1. takes a base backup through Settings' "Take a backup now" (as bench.admin@bench.local) and reads its time and
#      sizes from its manifest;
#   2. writes after the backup (a copy of the newest --after-messages messages, default 200,000), so that the restore
#      has WAL to replay, and stops the app (a clean stop archives the last WAL file);
#   3. moves the data directory aside and starts the app with --balcao.embedded-database.restore.from=latest, as
#      docs/configuration.md says: the restore's time (unpacking and WAL replay, from the app's log), the time until
#      the app is ready, and the rows compared with those before the stop.
#
#   bench/run-backup-benchmark.sh [--after-messages=200000] [generator options, e.g. --contacts=100000 --messages=500000]
#
# Environment: as bench/lib/app.sh (PORT, JAVA, SKIP_BUILD=1), KEEP_DATA=1 to keep the data and the backups.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/app.sh
source bench/lib/login.sh

after=200000
generator=()
for arg in "$@"; do
    case "$arg" in
        --after-messages=*) after=${arg#*=} ;;
        *) generator+=("$arg") ;;
    esac
done
command -v psql >/dev/null || { echo "psql is needed (apt-get install postgresql-client)" >&2; exit 2; }

bench_build_app
work=$(mktemp -d "${TMPDIR:-/tmp}/balcao-backup-bench.XXXXXX")
finish() {
    bench_stop_app
    [[ "${KEEP_DATA:-0}" == 1 ]] || rm -rf "$work/pg" "$work/pg.before-restore" "$work/backups"
    echo "App log: $log" >&2
}
trap finish EXIT
trap 'exit 130' INT TERM

seconds() { date -d "$1" +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
mb() { awk -v b="$1" 'BEGIN { printf "%.0f MB", b / 1e6 }'; }
manifest() { sed -n "s/^$2=//p" "$1/manifest.properties" | sed 's/\\//g'; }
completed_backups() { find "$work/backups/base" -mindepth 1 -maxdepth 1 -type d ! -name '*.partial' | sort; }
rows() {
    psql "$1" -X -At -c "SELECT (SELECT count(*) FROM contacts) || ' contacts, ' || (SELECT count(*) FROM tickets)
        || ' tickets, ' || (SELECT count(*) FROM messages) || ' messages (last id '
        || (SELECT max(id) FROM messages) || ')'"
}

bench_start_app "$work"
db=$(bench_psql_url "$jdbc")
bench/generate-data.sh --db="$db" "${generator[@]}"
psql "$db" -X -q -c "CHECKPOINT"
echo "Database $(psql "$db" -X -At -c "SELECT pg_size_pretty(pg_database_size('balcao'))");" \
     "data directory $(du -sh --exclude=pg_wal "$work/pg" | cut -f1) without pg_wal"

# 1. The backup, as an admin asks for it in Settings.
base="http://127.0.0.1:$PORT"
session=$(bench_login "$base" bench.admin@bench.local bench)
until [[ -z "$(find "$work/backups/base" -maxdepth 1 -name '*.partial')" ]]; do sleep 1; done   # the first backup
before=$(completed_backups | wc -l)
token=$(curl -fsS -H "Cookie: SESSION=$session" "$base/settings/backups" | grep -o 'name="_csrf" value="[^"]*"' \
    | head -n 1 | sed 's/.*value="//; s/"$//')
echo "Load before the backup: $(uptime)"
clicked=$(date +%s.%N)
curl -fsS -o /dev/null -H "Cookie: SESSION=$session" --data-urlencode "_csrf=$token" "$base/settings/backups"
until (( $(completed_backups | wc -l) > before )); do
    grep -q "The base backup failed" "$log" && { echo "The backup failed; see $log" >&2; exit 1; }
    sleep 1
done
done_at=$(date +%s.%N)
backup=$(completed_backups | tail -n 1)
echo "Base backup $(basename "$backup"): $(elapsed "$(seconds "$(manifest "$backup" started)")" \
    "$(seconds "$(manifest "$backup" finished)")") s from pg_backup_start to pg_backup_stop" \
    "($(elapsed "$clicked" "$done_at") s from the click to the listed backup);" \
    "$(mb "$(manifest "$backup" data-bytes)") of files read, $(mb "$(manifest "$backup" archive-bytes)") written" \
    "(data.tar.gz); load after: $(uptime)"

# 2. Writes after the backup, then a clean stop.
lsn=$(psql "$db" -X -At -c "SELECT pg_current_wal_lsn()")
psql "$db" -X -q -c "INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, author_user_id,
        automation, type, body, template_name, template_language, status, created_at)
    SELECT number_id, contact_id, ticket_id, direction, author_type, author_user_id, automation, type, body,
        template_name, template_language, status, now()
    FROM messages ORDER BY id DESC LIMIT $after"
echo "After the backup: $after messages copied, $(psql "$db" -X -At -c \
    "SELECT pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), '$lsn'))") of WAL"
expected=$(rows "$db")
bench_stop_app
echo "WAL archive: $(du -sh "$work/backups/wal" | cut -f1) in $(ls "$work/backups/wal" | wc -l) files"

# 3. The restore, as docs/configuration.md tells it.
mv "$work/pg" "$work/pg.before-restore"
mv "$log" "$work/app-before-restore.log"
launched=$(date +%s.%N)
READY_SECONDS=7200 bench_start_app "$work" --balcao.embedded-database.restore.from=latest
ready=$(date +%s.%N)
restoring=$(grep -m1 'Restoring the base backup' "$log" | cut -d' ' -f1)
restored=$(grep -m1 'Restore done' "$log" | cut -d' ' -f1)
echo "Restore: $(elapsed "$(seconds "$restoring")" "$(seconds "$restored")") s from the start of the unpacking to the" \
     "promotion; $(elapsed "$launched" "$ready") s from the launch to the app's readiness"
actual=$(rows "$(bench_psql_url "$jdbc")")
echo "Rows before the stop: $expected"
echo "Rows after the restore: $actual"
[[ "$expected" == "$actual" ]] && echo "Every row is back." || { echo "The rows differ!" >&2; exit 1; }
