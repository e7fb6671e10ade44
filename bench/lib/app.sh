# Starting and stopping the app for a benchmark; sourced by the bench/*.sh scripts.
#
#   source bench/lib/app.sh
#   bench_build_app                      # ./mvnw package unless SKIP_BUILD=1; sets $bench_jar
#   bench_start_app "$work" [args...]    # the jar on 127.0.0.1:$PORT; sets $app (pid), $log, $jdbc
#   bench_stop_app                       # stops the app and the embedded PostgreSQL it started
#   bench_require_free_ports PORT...     # exits (2) when something listens on one of them
#
# Without SPRING_DATASOURCE_URL in the environment the app starts an embedded PostgreSQL with its data in
# "$work/pg" and its backups (WAL archive included) in "$work/backups" (the demo profile and its data come with
# it); with it, the app uses that database.
# Environment: PORT (default 8095), JAVA (default `java`), SKIP_BUILD=1, READY_SECONDS (default 240),
# BENCH_JAR (a jar to run instead of target/balcao-*.jar).

PORT=${PORT:-8095}
JAVA=${JAVA:-java}
app=""
log=""
jdbc=""
bench_work=""

bench_build_app() {
    if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
        echo "Building the app (./mvnw -q -B -DskipTests package)..." >&2
        ./mvnw -q -B -DskipTests package
    fi
    bench_jar=${BENCH_JAR:-$(ls target/balcao-*.jar 2>/dev/null | grep -v -- '-plain.jar$' | head -n 1 || true)}
    [[ -n "$bench_jar" ]] || { echo "No target/balcao-*.jar: build the app first" >&2; exit 2; }
    ./mvnw -q -B -f bench/pom.xml compile
}

bench_start_app() {
    bench_work=$1
    shift
    log="$bench_work/app.log"
    if curl -s -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null; then
        echo "Something already answers on port $PORT; choose another with PORT=..." >&2
        exit 2
    fi
    echo "Starting $bench_jar with $("$JAVA" -version 2>&1 | head -n 1) on 127.0.0.1:$PORT..." >&2
    BALCAO_EMBEDDED_DATABASE_DATA_DIRECTORY="$bench_work/pg" BALCAO_EMBEDDED_DATABASE_BACKUP_FOLDER="$bench_work/backups" \
        PORT="$PORT" \
        "$JAVA" -jar "$bench_jar" --server.address=127.0.0.1 "$@" >"$log" 2>&1 &
    app=$!

    local ready=""
    for _ in $(seq 1 "${READY_SECONDS:-240}"); do
        if ! kill -0 "$app" 2>/dev/null; then
            echo "The app stopped while starting; its log:" >&2
            tail -n 40 "$log" >&2
            exit 1
        fi
        if curl -fsS "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; then
            ready=yes
            break
        fi
        sleep 1
    done
    [[ -n "$ready" ]] || { echo "The app was not ready within ${READY_SECONDS:-240} s" >&2; exit 1; }

    if [[ -n "${SPRING_DATASOURCE_URL:-}" ]]; then
        jdbc="$SPRING_DATASOURCE_URL"
    else
        # The server's port and password are kept with its data directory.
        local identity="$bench_work/pg/balcao-server.properties"
        [[ -f "$identity" ]] || { echo "No $identity: did the embedded PostgreSQL start?" >&2; exit 1; }
        jdbc="jdbc:postgresql://localhost:$(sed -n 's/^port=//p' "$identity")/balcao?user=postgres&password=$(sed -n 's/^password=//p' "$identity")"
    fi
    echo "App ready (pid $app); database $jdbc" >&2
}

bench_stop_app() {
    if [[ -n "$app" ]] && kill -0 "$app" 2>/dev/null; then
        kill "$app" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$app" 2>/dev/null || break; sleep 1; done
        if kill -0 "$app" 2>/dev/null; then
            echo "The app did not stop within 60 s; killing it" >&2
            kill -9 "$app" 2>/dev/null || true
        fi
        wait "$app" 2>/dev/null || true
    fi
    app=""
    # The embedded PostgreSQL stops with the app; should it outlive a killed app, stop it by its own pid.
    if [[ -n "$bench_work" && -f "$bench_work/pg/postmaster.pid" ]]; then
        local pm
        pm=$(head -n 1 "$bench_work/pg/postmaster.pid" 2>/dev/null || true)
        if [[ -n "$pm" ]] && kill -0 "$pm" 2>/dev/null; then
            kill -INT "$pm" 2>/dev/null || true
            for _ in $(seq 1 30); do kill -0 "$pm" 2>/dev/null || break; sleep 1; done
        fi
    fi
}

# psql's connection URI for a JDBC URL (jdbc:postgresql://host:port/db?user=u&password=p).
bench_psql_url() {
    local url=${1#jdbc:}
    local query=""
    [[ "$url" == *\?* ]] && query=${url#*\?} && url=${url%%\?*}
    local user="" password=""
    local IFS='&'
    for pair in $query; do
        case "$pair" in
            user=*) user=${pair#user=} ;;
            password=*) password=${pair#password=} ;;
        esac
    done
    [[ -z "$user" && -n "${SPRING_DATASOURCE_USERNAME:-}" ]] && user=$SPRING_DATASOURCE_USERNAME
    [[ -z "$password" && -n "${SPRING_DATASOURCE_PASSWORD:-}" ]] && password=$SPRING_DATASOURCE_PASSWORD
    local credentials=""
    [[ -n "$user" ]] && credentials="$user${password:+:$password}@"
    echo "postgresql://$credentials${url#postgresql://}"
}

bench_require_free_ports() {
    for port in "$@"; do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "Port $port is taken; choose other ports with PORT=..." >&2
            exit 2
        fi
    done
}
