#!/usr/bin/env bash
# Desk Conversations (issue 5): search by name, phone digits and message content, and a heavy contact's
# first timeline page, through the app's HTTP endpoint and through the best raw SQL, on one generated data
# set; then EXPLAIN ANALYZE of the app's statements.
#
#   bench/run-conversations-benchmark.sh                                  # 1,000,000 contacts, 5,000,000 messages
#   bench/run-conversations-benchmark.sh --contacts=100000 --messages=500000
#   bench/run-conversations-benchmark.sh --rounds=20 --warmup=3 --warmup-seconds=30   # passed to ConversationsBenchmark
#
# Other --options go to bench/generate-data.sh. SKIP_BUILD=1 reuses target/balcao-*.jar.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/app.sh

generator=()
measurement=()
for arg in "$@"; do
    case "$arg" in
        --rounds=*|--warmup=*|--warmup-seconds=*) measurement+=("$arg") ;;
        *) generator+=("$arg") ;;
    esac
done

work=$(mktemp -d)
trap 'bench_stop_app; rm -rf "$work"' EXIT
bench_build_app
bench_start_app "$work"
bench/generate-data.sh --db="$jdbc" "${generator[@]}"
psql "$(bench_psql_url "$jdbc")" -X -q -c "VACUUM ANALYZE"
echo "Load before: $(uptime)"
./mvnw -q -B -f bench/pom.xml exec:java -Dbench.main=br.com.balcao.bench.ConversationsBenchmark \
    -Dexec.args="--base-url=http://127.0.0.1:$PORT --jdbc=$jdbc ${measurement[*]}"
echo "Load after: $(uptime)"
psql "$(bench_psql_url "$jdbc")" -X -f bench/conversations-explain.sql
