#!/usr/bin/env bash
# Three instances of the service on this machine's PostgreSQL, RabbitMQ and Redis, behind HAProxy (the same
# docker/haproxy.cfg as compose's `replicas` profile), which health-checks /health/ready.
#
#   docker/local-cluster.sh           start them, print where they are, stop them all on Ctrl-C
#   docker/local-cluster.sh --check   start them, put load through the proxy, SIGKILL one instance, check that
#                                     HAProxy takes it out, that every write answered 2xx is in the database and
#                                     that every event arrived (docker/cluster-check.py); exit 1 when not
#
# Needs: the jar (built when missing), haproxy (apt-get install haproxy), psql, and for --check python3-pika
# (apt-get install python3-pika). Each run uses a database of its own, made fresh (msapp_cluster, or
# CLUSTER_DATABASE), and cache keys under a prefix of its own. Ports: CLUSTER_PORT (18080) for the proxy,
# the next three for the instances, CLUSTER_PORT+324 (18404) for HAProxy's statistics page.
set -euo pipefail
cd "$(dirname "$0")/.."

CHECK=false
for arg in "$@"; do
  case $arg in
    --check) CHECK=true ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

PORT=${CLUSTER_PORT:-18080}
STATS_PORT=$((PORT + 324))
DATABASE=${CLUSTER_DATABASE:-msapp_cluster}
START_TIMEOUT=${CLUSTER_START_TIMEOUT:-180}   # seconds for all three to be ready behind HAProxy
JAR=bootstrap/target/ms-application.jar
RUN_DIR=$(mktemp -d /tmp/msapp-cluster.XXXXXX)
PIDS=()

need() { command -v "$1" >/dev/null 2>&1 || { echo "[X] $1 not found: $2" >&2; exit 2; }; }
need java "a JDK or JRE 17 or newer"
need haproxy "apt-get install haproxy"
need psql "apt-get install postgresql-client"
if $CHECK; then /usr/bin/python3 -c 'import pika' 2>/dev/null || { echo "[X] python3-pika not found: apt-get install python3-pika" >&2; exit 2; }; fi
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for service in PostgreSQL:5432 RabbitMQ:5672 Redis:6379; do
  port_open "${service#*:}" || { echo "[X] ${service%:*} is not answering on 127.0.0.1:${service#*:} (.ci/run starts it)" >&2; exit 2; }
done
for p in "$PORT" $((PORT + 1)) $((PORT + 2)) $((PORT + 3)) "$STATS_PORT"; do
  if port_open "$p"; then echo "[X] port $p is taken; set CLUSTER_PORT to another base" >&2; exit 2; fi
done

stop_all() {   # the processes this script started, by their ids
  local pid
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  PIDS=()
}
trap 'stop_all' EXIT
trap 'exit 130' INT TERM

# Built when missing or older than a source or pom, as bench/run.sh does: a check must test the code as it is.
if [[ ! -f $JAR ]] || [[ -n "$(find . -path ./.git -prune -o -path '*/target' -prune -o \
    \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$JAR" -print -quit)" ]]; then
  echo "[ ] building $JAR"; ./mvnw -B -q -DskipTests package
fi

export PGOPTIONS='--client-min-messages=warning'
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" -c "CREATE DATABASE $DATABASE"
echo "[✓] database $DATABASE, made fresh"

# What every instance shares: the token key, the first administrator, the backing services, the proxy's address.
export HTTP_HOST=127.0.0.1 HOST_DATABASE=127.0.0.1 DATABASE_NAME=$DATABASE RABBITMQ_HOST=127.0.0.1 \
       CACHE_REDIS_HOST=127.0.0.1 CACHE_KEY_PREFIX="msapp-cluster-$(date +%s):" TRUSTED_PROXIES=127.0.0.1/32 \
       SHUTDOWN_DRAIN=3
AUTH_TOKEN_SECRET=$(head -c 48 /dev/urandom | base64 -w0)
ADMIN_BOOTSTRAP_NICK_NAME=admin
ADMIN_BOOTSTRAP_PASSWORD=$(head -c 12 /dev/urandom | base64 -w0 | tr '+/' '-_')
export AUTH_TOKEN_SECRET ADMIN_BOOTSTRAP_NICK_NAME ADMIN_BOOTSTRAP_PASSWORD

declare -A INSTANCE_PID
for n in 1 2 3; do
  HTTP_PORT=$((PORT + n)) java -jar "$JAR" >"$RUN_DIR/api$n.log" 2>&1 &
  PIDS+=($!); INSTANCE_PID[api$n]=$!
  disown $!   # the check kills one with SIGKILL: no job report of it from this shell
done

MSAPP_BIND=127.0.0.1:$PORT MSAPP_STATS=127.0.0.1:$STATS_PORT MSAPP_API1=127.0.0.1:$((PORT + 1)) \
  MSAPP_API2=127.0.0.1:$((PORT + 2)) MSAPP_API3=127.0.0.1:$((PORT + 3)) \
  haproxy -db -f docker/haproxy.cfg >"$RUN_DIR/haproxy.log" 2>&1 &
PIDS+=($!)

# Up when HAProxy itself sees all three ready.
started=$SECONDS
until [[ $(curl -fsS "http://127.0.0.1:$STATS_PORT/;csv" 2>/dev/null | awk -F, '$1 == "replicas" && $2 ~ /^api/ && $18 == "UP"' | wc -l) == 3 ]]; do
  for n in 1 2 3; do
    if ! kill -0 "${INSTANCE_PID[api$n]}" 2>/dev/null; then echo "[X] api$n stopped at start:" >&2; tail -20 "$RUN_DIR/api$n.log" >&2; exit 1; fi
  done
  if (( SECONDS - started > START_TIMEOUT )); then echo "[X] the instances were not all ready behind HAProxy within $START_TIMEOUT s (logs in $RUN_DIR)" >&2; exit 1; fi
  sleep 0.5
done
echo "[✓] api1, api2, api3 (pids ${INSTANCE_PID[api1]} ${INSTANCE_PID[api2]} ${INSTANCE_PID[api3]}) on ports $((PORT + 1))-$((PORT + 3)), ready behind HAProxy in $((SECONDS - started)) s"
echo "[✓] HAProxy on http://127.0.0.1:$PORT, its statistics on http://127.0.0.1:$STATS_PORT/ (logs in $RUN_DIR)"

if $CHECK; then
  status=0
  /usr/bin/python3 docker/cluster-check.py --proxy "127.0.0.1:$PORT" --stats "http://127.0.0.1:$STATS_PORT/;csv" \
    --database "$DATABASE" --victim "api2:${INSTANCE_PID[api2]}" || status=$?
  # The killed instance may have left nothing to say; the others' errors, if any, are worth a look.
  for n in 1 3; do
    if grep -q ' ERROR ' "$RUN_DIR/api$n.log"; then echo "[!] api$n logged errors:"; grep ' ERROR ' "$RUN_DIR/api$n.log" | head -5; fi
  done
  stop_all
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)"
  if (( status == 0 )); then rm -rf "$RUN_DIR"; else echo "(the instances' and HAProxy's logs are in $RUN_DIR)"; fi
  exit $status
fi

echo "    the first administrator: $ADMIN_BOOTSTRAP_NICK_NAME / $ADMIN_BOOTSTRAP_PASSWORD (this run only)"
echo "    Ctrl-C stops them all"
while true; do
  for pid in "${PIDS[@]}"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "[X] process $pid stopped; stopping the rest (logs in $RUN_DIR)"; exit 1; fi
  done
  sleep 1
done
