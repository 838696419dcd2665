#!/usr/bin/env bash
# A quick latency measurement of GET /orders/{id} and POST /users/{id}/orders at 16 concurrent
# clients, against the jar on the local PostgreSQL (a database of its own, dropped at the end).
# Needs: the built jar (./mvnw -B -q -DskipTests package), wrk (apt-get install wrk), psql.
# Usage: bench/latency.sh [seconds per run, default 15]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
port=18089
db=msapp_bench
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk"; exit 1; }
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"

HOST_DATABASE=127.0.0.1 DATABASE_NAME=$db HTTP_PORT=$port LOG_LEVEL=WARN \
  AUTH_TOKEN_SECRET=bench-secret-of-at-least-thirty-two-bytes java -jar bootstrap/target/ms-application.jar &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"' EXIT
for _ in $(seq 1 60); do curl -sf "localhost:$port/health/live" >/dev/null && break; sleep 0.5; done

base="http://127.0.0.1:$port"
curl -sf "$base/users" -H 'Content-Type: application/json' -o /dev/null -d '{"nick_name":"bench","password":"Bench@12345",
  "full_name":"Bench","cpf":"111.444.777-35","email":"bench@example.com","phone_number":"0"}'
token=$(curl -sf -u bench:Bench@12345 -X POST "$base/auth/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
curl -sf "$base/users/1/orders" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -o /dev/null \
  -d '{"item_description":"Notebook","item_quantity":1,"item_price":1990}'

lua=$(mktemp)
cat > "$lua" <<LUA
wrk.headers["Authorization"] = "Bearer $token"
wrk.headers["Content-Type"] = "application/json"
if os.getenv("BENCH_POST") then
  wrk.method = "POST"
  wrk.body = '{"item_description":"Notebook","item_quantity":2,"item_price":1990}'
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d (non-2xx %d), p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
LUA
echo "warm-up (5 s)"; wrk -t2 -c16 -d5s -s "$lua" "$base/orders/1" >/dev/null
echo "GET /orders/1, 16 clients, ${seconds} s:";  wrk -t2 -c16 -d"${seconds}s" -s "$lua" "$base/orders/1" | tail -1
echo "POST /users/1/orders, 16 clients, ${seconds} s:"; BENCH_POST=1 wrk -t2 -c16 -d"${seconds}s" -s "$lua" "$base/users/1/orders" | tail -1
rm -f "$lua"
