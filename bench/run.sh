#!/usr/bin/env bash
# The benchmark harness: builds the jar (unless it is newer than the sources), starts the service on the
# local PostgreSQL, RabbitMQ and Redis (a database of its own, made fresh and dropped at the end; Redis keys
# under a prefix of its own, deleted at the end), fills it, warms it up and measures it with wrk, then
# measures pgbench doing the same SQL at the same concurrency, and writes the table to docs/BENCHMARKS.md.
# Every figure is meant to be read as a ratio to a baseline measured in the same run: the service's floor
# (GET /health/live) and pgbench.
#
# Usage: bench/run.sh [--quick] [--java JAVA_HOME] [--jvm-options "..."] [--build | --no-build] [--seconds N] [--out FILE]
#   --quick      2 s per scenario and a small fill; writes target/bench/BENCHMARKS-quick.md, not the docs
#   --java DIR   runs the service on the JDK in DIR (default: $JAVA_HOME, else the java on the PATH);
#                the build always uses the java on the PATH
#   --jvm-options "..."  more options for the service's JVM, after bootstrap/jvm.options (e.g. a JFR recording)
#   --seconds N  seconds per measured scenario (default 8; --quick: 2)
# Needs: wrk (apt-get install -y wrk), psql, pgbench (with the PostgreSQL server), redis-cli, python3, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

quick=0 build=auto seconds= out= run_java_home=${JAVA_HOME:-} jvm_options=
while [ $# -gt 0 ]; do
  case $1 in
    --quick) quick=1 ;;
    --java) run_java_home=$2; shift ;;
    --jvm-options) jvm_options=$2; shift ;;
    --build) build=yes ;;
    --no-build) build=no ;;
    --seconds) seconds=$2; shift ;;
    --out) out=$2; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)"; exit 2 ;;
  esac
  shift
done
if [ "$quick" = 1 ]; then
  seconds=${seconds:-2} warm=1 warm_each=1 users=20 orders_per_user=10 out=${out:-target/bench/BENCHMARKS-quick.md}
else
  seconds=${seconds:-8} warm=10 warm_each=3 users=200 orders_per_user=50 out=${out:-docs/BENCHMARKS.md}
fi
threads=2 connections=32
port=18091
db=msapp_bench_run
prefix="msapp-bench-$$:"
queue="msapp.bench.$$"   # bound to every event, so that the relay's publishes are routed (and confirmed), not returned
jar=bootstrap/target/ms-application.jar
java=${run_java_home:+$run_java_home/bin/}java
pgbench=$(ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -1)
psql=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qX)

for tool in wrk psql redis-cli python3 curl "$java"; do
  command -v "$tool" >/dev/null || { echo "[X] $tool not found${tool/wrk/ (apt-get install -y wrk)}"; exit 1; }
done
[ -n "$pgbench" ] || { echo "[X] pgbench not found under /usr/lib/postgresql/*/bin"; exit 1; }

began=$(date +%s)
say() { printf '[%3ds] %s\n' $(( $(date +%s) - began )) "$*"; }

# The build (on the java on the PATH), unless the jar is newer than every source and pom.
if [ "$build" = auto ]; then
  build=no
  if [ ! -f "$jar" ] || [ -n "$(find . -path ./.git -prune -o -path '*/target' -prune -o \
      \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$jar" -print -quit)" ]; then build=yes; fi
fi
if [ "$build" = yes ]; then
  say "building $jar"
  env -u JAVA_HOME ./mvnw -B -q -o -DskipTests package
fi
[ -f "$jar" ] || { echo "[X] $jar is missing"; exit 1; }

work=$(mktemp -d)
app=
sampler=
cleanup() {
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null
  [ -n "$app" ] && { kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true; }
  timeout 30 rabbitmqctl -q delete_queue "$queue" >/dev/null 2>&1 || true
  redis-cli --scan --pattern "${prefix}*" | xargs -r redis-cli del >/dev/null || true
  "${psql[@]}" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
  mkdir -p target/bench && cp "$work"/service-*.log target/bench/ 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"${psql[@]}" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
secret=$(head -c 48 /dev/urandom | base64 -w0)
base="http://127.0.0.1:$port"
results=$work/results   # lines: key value...

# start CACHE_TYPE [NAME]: starts the service and records the milliseconds from the fork to /health/ready = 200
# (as ready_NAME; NAME defaults to CACHE_TYPE).
start() {
  local t0 now name=${2:-$1}
  t0=$(date +%s%N)
  env -u DATABASE_URL -u CACHE_REDIS_URL -u RABBITMQ_URL \
    HOST_DATABASE=127.0.0.1 DATABASE_NAME=$db RABBITMQ_HOST=127.0.0.1 RABBITMQ_AUDIT_QUEUE="$queue" \
    CACHE_TYPE="$1" CACHE_REDIS_HOST=127.0.0.1 CACHE_KEY_PREFIX="$prefix" \
    AUTH_TOKEN_SECRET="$secret" ADMIN_BOOTSTRAP_NICK_NAME=benchroot ADMIN_BOOTSTRAP_PASSWORD='Bench@Root123' \
    HTTP_PORT=$port ACCESS_LOG_LEVEL=WARN SHUTDOWN_DRAIN=0 \
    "$java" @bootstrap/jvm.options $jvm_options -jar "$jar" >"$work/service-$name.log" 2>&1 &
  app=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready")" = 200 ]; do
    kill -0 "$app" 2>/dev/null || { echo "[X] the service stopped:"; tail -20 "$work/service-$name.log"; exit 1; }
    [ $(( ($(date +%s%N) - t0) / 1000000000 )) -lt 60 ] || { echo "[X] not ready in 60 s"; exit 1; }
    sleep 0.02
  done
  now=$(date +%s%N)
  echo "ready_$name $(( (now - t0) / 1000000 ))" >>"$results"
  say "service ($name) up with CACHE_TYPE=$1 in $(( (now - t0) / 1000000 )) ms (pid $app)"
}
# stop CACHE_TYPE: records the peak RSS (VmHWM) and stops the service.
stop() {
  echo "hwm_$1 $(awk '/VmHWM/ {print $2}' "/proc/$app/status")" >>"$results"
  kill "$app"; wait "$app" 2>/dev/null || true; app=
}
# The highest VmRSS seen while a scenario runs (sampled every 200 ms), in kB. The file is replaced, never
# rewritten in place, so that killing the sampler cannot leave it empty.
sample_rss() { # file
  local max=0 v
  while v=$(awk '/VmRSS/ {print $2}' "/proc/$app/status" 2>/dev/null); do
    [ -n "$v" ] && [ "$v" -gt "$max" ] && { max=$v; echo "$max" >"$1.new" && mv "$1.new" "$1"; }
    sleep 0.2
  done
}
# warm_up MODE PATH [MODE PATH...]: runs each of this start's scenarios for $warm s before any is measured, so
# that the JIT has compiled what they all run (on 2 busy cores it needs tens of seconds) and the scenario measured
# first does not pay for the others' compilation.
warm_up() {
  while [ $# -gt 0 ]; do
    BENCH_MODE=$1 BENCH_USERS=$work/users wrk -t$threads -c$connections -d${warm}s -s bench/requests.lua "$base$2" >/dev/null
    shift 2
  done
}
# scenario NAME MODE PATH: a short warm-up of its own, then the measured run with wrk.
scenario() {
  local name=$1 mode=$2 path=$3 line
  BENCH_MODE=$mode BENCH_USERS=$work/users wrk -t$threads -c$connections -d${warm_each}s -s bench/requests.lua "$base$path" >/dev/null
  echo 0 >"$work/rss-$name"
  sample_rss "$work/rss-$name" & sampler=$!
  line=$(BENCH_MODE=$mode BENCH_USERS=$work/users wrk -t$threads -c$connections -d${seconds}s -s bench/requests.lua "$base$path" | grep '^RESULT')
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true; sampler=
  echo "wrk_$name ${line#RESULT } $(cat "$work/rss-$name")" >>"$results"
  say "$name: $line"
}
# half NAME MODE PATH: the same requests at about half the rate the scenario NAME reached (each connection
# pauses 2 x connections / peak seconds between its requests; wrk waits for the answer first, so the rate
# lands a little below half): the latency when the service is not saturated.
half() {
  local name=$1 mode=$2 path=$3 peak pause line
  peak=$(awk -v k="wrk_$name" '$1 == k {print $2}' "$results")
  pause=$(awk -v p="$peak" -v c=$connections 'BEGIN {printf "%d", 2 * c * 1000 / p}')
  line=$(BENCH_MODE=$mode BENCH_USERS=$work/users BENCH_DELAY_MS=$pause wrk -t$threads -c$connections -d${seconds}s \
    -s bench/requests.lua "$base$path" | grep '^RESULT')
  echo "half_$name ${line#RESULT } $peak" >>"$results"
  say "$name at half rate (a pause of $pause ms per connection): $line"
}

# 0. A training start, not measured: the JVM writes the classes it loaded to an archive (JDK 17 to 24: a dynamic
# CDS archive; JDK 25 on: an AOT cache) that the measured starts map instead of loading and verifying each class
# again. It also migrates the fresh database, so the measured starts find it migrated, as a restart does.
major=$("$java" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')
if [ "$major" -ge 25 ]; then
  archive=$root/target/bench/ms-application-jdk$major.aot train="-XX:AOTCacheOutput=$archive" use="-XX:AOTCache=$archive"
else
  archive=$root/target/bench/ms-application-jdk$major.jsa train="-XX:ArchiveClassesAtExit=$archive" use="-XX:SharedArchiveFile=$archive"
fi
mkdir -p target/bench && rm -f "$archive"
measured_options=$jvm_options
jvm_options="$measured_options $train"
start redis training
curl -s -o /dev/null "$base/users/1"
kill "$app"; wait "$app" 2>/dev/null || true; app=
if [ -s "$archive" ]; then jvm_options="$measured_options $use"; say "class archive: $archive ($(du -m "$archive" | cut -f1) MB)"
else jvm_options=$measured_options; say "[!] no class archive was written: the starts load every class"; fi

# 1. The service with the Redis cache: fill it, then the floor, the cached user read, the order write.
start redis
say "registering $users users through the API and logging each one in (argon2, two at a time)"
python3 bench/fill.py "$base" "$users" "$work/tokens"
say "inserting $orders_per_user orders per user with psql"
"${psql[@]}" -d $db -c "
  INSERT INTO orders (user_id, item_description, item_quantity, item_price, total_value)
  SELECT u.user_id, 'Bench order ' || g, 1 + g % 5, 1990, (1 + g % 5) * 1990
  FROM users u CROSS JOIN generate_series(1, $orders_per_user) g
  WHERE u.nick_name LIKE 'bench0%' ORDER BY u.user_id, g" -c "ANALYZE"
# Each user's orders are contiguous ids: "<user_id> <first> <last>".
"${psql[@]}" -d $db -tA -F' ' -c "SELECT user_id, min(order_id), max(order_id) FROM orders GROUP BY user_id
  HAVING max(order_id) - min(order_id) + 1 = count(*) ORDER BY user_id" >"$work/ranges"
awk 'NR == FNR { range[$1] = $2 " " $3; next } ($1 in range) { print $1, $2, range[$1] }' \
  "$work/ranges" "$work/tokens" >"$work/users"
[ "$(wc -l <"$work/users")" = "$users" ] || { echo "[X] the fill is incomplete"; exit 1; }
order_lo=$(awk 'NR == 1 {print $3}' "$work/users"); order_hi=$(awk 'END {print $4}' "$work/users")
user_lo=$(awk 'NR == 1 {print $1}' "$work/users"); user_hi=$(awk 'END {print $1}' "$work/users")

say "warming up: ${warm} s of each scenario"
warm_up live /health/live user /users/1 post /users/1/orders live /health/live
scenario live live /health/live
scenario user user /users/1
half user user /users/1
# relay_latency NAME SINCE: the relay's latency for the order events written since SINCE (a PostgreSQL timestamp):
# from the event's time (taken in the transaction that wrote it) to published_at (set once the broker confirmed it).
relay_latency() {
  "${psql[@]}" -d $db -tA -F' ' -c "SELECT count(*),
      round(1000 * extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY published_at - occurred_at))::numeric, 1),
      round(1000 * extract(epoch FROM percentile_cont(0.99) WITHIN GROUP (ORDER BY published_at - occurred_at))::numeric, 1)
    FROM outbox WHERE type = 'order.placed' AND occurred_at >= '$2' AND published_at IS NOT NULL" |
    sed "s/^/relay_$1 /" >>"$results"
  say "relay latency ($1: events, p50 ms, p99 ms): $(tail -1 "$results")"
}
scenario post post /users/1/orders
half_began=$("${psql[@]}" -tA -c "SELECT now()")
half post post /users/1/orders
sleep 1   # the last events' confirms and marks
relay_latency half "$half_began"
# The relay's backlog after the write scenario: how long until every event is confirmed by RabbitMQ (up to 30 s).
drain0=$(date +%s%N)
for _ in $(seq 1 300); do
  pending=$("${psql[@]}" -d $db -tA -c "SELECT count(*) FROM outbox WHERE published_at IS NULL")
  [ "$pending" = 0 ] && break
  sleep 0.1
done
echo "outbox $("${psql[@]}" -d $db -tA -F' ' -c "SELECT count(*) FILTER (WHERE published_at IS NOT NULL),
  count(*) FILTER (WHERE published_at IS NULL) FROM outbox") $(( ($(date +%s%N) - drain0) / 1000000 ))" >>"$results"
say "outbox after the writes (published, unpublished, ms waited): $(tail -1 "$results")"
stop redis

# 2. The service without a cache: every GET /orders/{id} is a PostgreSQL read.
start null
say "warming up: ${warm} s of each scenario"
warm_up live /health/live order /orders/1 live /health/live
scenario live_null live /health/live
scenario order order /orders/1
half order order /orders/1
stop null

# 3. pgbench, the service stopped, at the same concurrency: the same primary-key SELECT, and the same two
# INSERTs in one transaction (an order, and the outbox row of its order.placed event as the service wrote it).
"${psql[@]}" -d $db -tA -c "SELECT aggregate || '|' || type || '|' || payload::text FROM outbox
  WHERE type LIKE 'order%' ORDER BY position DESC LIMIT 1" >"$work/event"
IFS='|' read -r ev_aggregate ev_type ev_payload <"$work/event"
cat >"$work/select.sql" <<SQL
\set id random($order_lo, $order_hi)
SELECT order_id, user_id, item_description, item_quantity, item_price, created_at, updated_at, version FROM orders WHERE order_id = :id;
SQL
cat >"$work/insert.sql" <<SQL
\set uid random($user_lo, $user_hi)
BEGIN;
SELECT nextval(pg_get_serial_sequence('orders', 'order_id')) AS new_id \gset
INSERT INTO orders (order_id, user_id, item_description, item_quantity, item_price, total_value, created_at, updated_at, version) VALUES (:new_id, :uid, 'Notebook', 2, 1990, 3980, now(), now(), 1);
INSERT INTO outbox (event_id, aggregate, type, payload, occurred_at, attempts, next_attempt_at, request_id, traceparent) VALUES (gen_random_uuid(), '$ev_aggregate', '$ev_type', CAST('${ev_payload//\'/\'\'}' AS jsonb), now(), 0, now(), 'bench', NULL);
COMMIT;
SQL
pg() { # name script
  local tps
  "$pgbench" -h 127.0.0.1 -U postgres -n -c $connections -j $threads -T $warm -f "$work/$2" $db >/dev/null 2>&1
  rm -f "$work"/pglog*
  tps=$(cd "$work" && "$pgbench" -h 127.0.0.1 -U postgres -n -c $connections -j $threads -T $seconds -f "$2" \
    -l --log-prefix=pglog $db 2>&1 | awk '/^tps/ {print $3; exit}')
  echo "pg_$1 $tps $(cat "$work"/pglog* | python3 -c '
import sys
lat = sorted(int(l.split()[2]) for l in sys.stdin if l.strip())
print("%.3f %.3f %d" % (lat[len(lat) // 2] / 1000, lat[min(len(lat) - 1, len(lat) * 99 // 100)] / 1000, len(lat)))')" >>"$results"
  say "pgbench $1: $(tail -1 "$results")"
}
pg select select.sql
pg insert insert.sql

# 4. The report.
jdk=$("$java" -version 2>&1 | head -1)
pgver=$("${psql[@]}" -tA -c "SHOW server_version")
mkdir -p "$(dirname "$out")"
total=$(( $(date +%s) - began ))
python3 bench/report.py "$results" "$out" "$quick" "$jdk" "$pgver" "$(nproc)" "$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)" \
  "$seconds" "$users" "$orders_per_user" "$connections" "$threads" "$total"
say "done: the table is in $out"
