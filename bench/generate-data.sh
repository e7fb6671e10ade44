#!/usr/bin/env bash
# Appends a large generated data set (bench/generate-data.sql) to a database the app has migrated.
#
#   bench/generate-data.sh --db=URL [--numbers=20] [--agents=5] [--contacts=1000000] [--messages=5000000]
#                          [--history-days=365] [--heavy-messages=20000] [--big-ticket=5000]
#                          [--today-tickets=0] [--today-messages=0]
#
# URL: a psql connection URI (postgresql://user:password@host:port/db) or a JDBC URL
# (jdbc:postgresql://host:port/db?user=...&password=...). Needs psql on the PATH.
# Logins it creates (password "bench"): bench.agent.<number>.<k>@bench.local, bench.manager@bench.local,
# bench.admin@bench.local.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/app.sh

db=""
declare -A vars=([numbers]=20 [agents]=5 [contacts]=1000000 [messages]=5000000 [history_days]=365
                 [heavy_messages]=20000 [big_ticket]=5000 [today_tickets]=0 [today_messages]=0)
for arg in "$@"; do
    case "$arg" in
        --db=*) db=${arg#--db=} ;;
        --*=*)
            name=${arg%%=*}; name=${name#--}; name=${name//-/_}
            [[ -n "${vars[$name]+set}" ]] || { echo "Unknown option $arg" >&2; exit 2; }
            [[ "${arg#*=}" =~ ^[0-9]+$ ]] || { echo "$arg: a whole number is expected" >&2; exit 2; }
            vars[$name]=${arg#*=} ;;
        *) echo "Unknown argument $arg (see the head of $0)" >&2; exit 2 ;;
    esac
done
[[ -n "$db" ]] || { echo "--db=URL is required (see the head of $0)" >&2; exit 2; }
[[ "$db" == jdbc:* ]] && db=$(bench_psql_url "$db")
(( vars[numbers] > 0 && vars[contacts] >= vars[numbers] * 3 )) \
    || { echo "--contacts must be at least 3 per number" >&2; exit 2; }

args=()
for name in "${!vars[@]}"; do args+=(-v "$name=${vars[$name]}"); done
echo "Generating: $(for n in "${!vars[@]}"; do printf '%s=%s ' "$n" "${vars[$n]}"; done)" >&2
start=$(date +%s)
psql "$db" -X -q "${args[@]}" -f bench/generate-data.sql
echo "Generated in $(( $(date +%s) - start )) s" >&2
