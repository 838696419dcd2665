#!/usr/bin/env bash
# GET /users/{id} requests/s with the cache hit (CACHE_TYPE=redis on the local Redis) versus
# CACHE_TYPE=null, 16 clients, on the local PostgreSQL (a database of its own, dropped at the end) and
# Redis (keys under a prefix of their own, deleted at the end; never flushed).
# Needs: the built jar (./mvnw -B -q -DskipTests package), wrk (apt-get install wrk), psql, redis-cli.
# Usage: bench/cache.sh [seconds per run, default 15]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
port=18090
db=msapp_bench_cache
prefix="msapp-bench-$$:"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk"; exit 1; }
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
lua=$(mktemp)
app=
cleanup() {
  [ -n "$app" ] && { kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true; }
  redis-cli --scan --pattern "${prefix}*" | xargs -r redis-cli del >/dev/null
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"
  rm -f "$lua"
}
trap cleanup EXIT

base="http://127.0.0.1:$port"
start() { # CACHE_TYPE
  HOST_DATABASE=127.0.0.1 DATABASE_NAME=$db HTTP_PORT=$port LOG_LEVEL=WARN CACHE_TYPE=$1 \
    CACHE_REDIS_HOST=127.0.0.1 CACHE_KEY_PREFIX="$prefix" \
    AUTH_TOKEN_SECRET=bench-secret-of-at-least-thirty-two-bytes java -jar bootstrap/target/ms-application.jar &
  app=$!
  for _ in $(seq 1 60); do curl -sf "$base/health/live" >/dev/null && return; sleep 0.5; done
  echo "the service did not start"; exit 1
}
stop() { kill "$app"; wait "$app" 2>/dev/null || true; app=; }

start redis
curl -sf "$base/users" -H 'Content-Type: application/json' -o /dev/null -d '{"nick_name":"bench","password":"Bench@12345",
  "full_name":"Bench","cpf":"111.444.777-35","email":"bench@example.com","phone_number":"0"}'
token=$(curl -sf -u bench:Bench@12345 -X POST "$base/auth/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
cat > "$lua" <<LUA
wrk.headers["Authorization"] = "Bearer $token"
done = function(summary, latency, requests)
  io.write(string.format("%.0f requests/s (%d requests, errors %d, non-2xx %d), p50 %.2f ms, p99 %.2f ms\n",
    summary.requests / (summary.duration / 1e6), summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
LUA
for type in redis null; do
  [ -z "$app" ] && start "$type"
  wrk -t2 -c16 -d5s -s "$lua" "$base/users/1" >/dev/null   # warm-up (and, with redis, fills the key)
  [ "$type" = redis ] && echo "key ${prefix}user:1: $(redis-cli get "${prefix}user:1" | head -c 80)..."
  echo "GET /users/1, CACHE_TYPE=$type, 16 clients, ${seconds} s:"
  wrk -t2 -c16 -d"${seconds}s" -s "$lua" "$base/users/1" | tail -1
  stop
done
