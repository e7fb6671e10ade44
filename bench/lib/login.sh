# Signs in through the login form like a browser and prints the SESSION cookie's value; sourced by the
# bench/*.sh scripts.  bench_login BASE_URL EMAIL PASSWORD
bench_login() {
    local base=$1 email=$2 password=$3
    local jar
    jar=$(mktemp)
    local token
    token=$(curl -fsS -c "$jar" -b "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 \
        | sed 's/.*value="//; s/"$//')
    [[ -n "$token" ]] || { echo "No CSRF token on $base/login" >&2; rm -f "$jar"; return 1; }
    local location
    location=$(curl -sS -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" \
        --data-urlencode "username=$email" --data-urlencode "password=$password" --data-urlencode "_csrf=$token" \
        "$base/login")
    if [[ "$location" == *error* || -z "$location" ]]; then
        echo "Login of $email refused (redirected to '$location')" >&2
        rm -f "$jar"
        return 1
    fi
    awk '$6 == "SESSION" { print $7 }' "$jar"
    rm -f "$jar"
}
