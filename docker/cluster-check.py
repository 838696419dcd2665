#!/usr/bin/python3
"""The check of docker/local-cluster.sh --check: load through HAProxy, one instance killed, nothing lost.

A few clients register users and place orders through the proxy at a steady rate. Halfway, one instance
is killed with SIGKILL. Then the check verifies that:
  - before the kill, HAProxy spread the requests over the three instances (its own per-server counters);
  - HAProxy took the killed instance out within --down-limit seconds;
  - every write that was answered 2xx is in PostgreSQL, and no write is there twice;
  - every event of those writes (user.registered, order.placed) arrived on a queue bound to msapp.events.
A request cut off by the kill is retried by its client with the same Idempotency-Key, as a real client
would, so the run also shows that such a retry creates nothing twice.
Prints a summary; exits 1 when a check fails. Needs python3-pika (apt-get install python3-pika) and psql.
"""
import argparse
import csv
import http.client
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
import uuid

import pika

EXCHANGE = "msapp.events"
RETRIED_STATUSES = {502, 503, 504}


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--proxy", default="127.0.0.1:18080", help="host:port of HAProxy's front end")
    p.add_argument("--stats", default="http://127.0.0.1:18404/;csv", help="HAProxy's statistics as CSV")
    p.add_argument("--database", required=True, help="the PostgreSQL database the instances use")
    p.add_argument("--pghost", default="127.0.0.1")
    p.add_argument("--rabbitmq", default="127.0.0.1")
    p.add_argument("--victim", required=True, help="NAME:PID of the instance to kill (NAME as in haproxy.cfg)")
    p.add_argument("--clients", type=int, default=4)
    p.add_argument("--rate", type=float, default=8.0, help="requests a second, per client")
    p.add_argument("--seconds", type=float, default=20.0, help="how long the load lasts")
    p.add_argument("--kill-after", type=float, default=8.0, help="seconds into the load")
    p.add_argument("--down-limit", type=float, default=5.0, help="seconds HAProxy may take to mark the killed one down")
    p.add_argument("--event-wait", type=float, default=30.0, help="seconds to wait for the last events")
    return p.parse_args()


# ---------------------------------------------------------------- HAProxy's statistics

def servers(stats_url):
    """{server name: row} of the backend `replicas`, from HAProxy's CSV statistics."""
    with urllib.request.urlopen(stats_url, timeout=2) as r:
        text = r.read().decode()
    rows = csv.DictReader(io.StringIO(text.lstrip("# ")))
    return {row["svname"]: row for row in rows if row["pxname"] == "replicas" and row["svname"] != "BACKEND"}


def answered(stats_url):
    """{server name: requests it answered 2xx}."""
    return {name: int(row["hrsp_2xx"] or 0) for name, row in servers(stats_url).items()}


# ---------------------------------------------------------------- test data

def cpf(n):
    """A CPF with valid check digits, from a counter."""
    base = [int(d) for d in f"{(n * 7919 + 100000001) % 10**9:09d}"]
    if len(set(base)) == 1:
        base[0] = (base[0] + 1) % 10
    for length in (9, 10):
        total = sum(d * w for d, w in zip(base, range(length + 1, 1, -1)))
        digit = 11 - total % 11
        base.append(0 if digit >= 10 else digit)
    return "".join(map(str, base))


class Outcome:
    """What the clients saw, shared by their threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.users = {}        # user_id -> nick_name, of every 2xx registration
        self.orders = {}       # order_id -> user_id, of every 2xx order
        self.first_tries = {}  # status (or error) of a first try -> count
        self.retried = 0       # operations that needed more than one try
        self.failed = []       # operations that never got a 2xx
        self.requests = 0

    def note(self, status):
        with self.lock:
            self.requests += 1
            self.first_tries[status] = self.first_tries.get(status, 0) + 1


class Client(threading.Thread):
    def __init__(self, number, args, outcome, stop, run_id):
        super().__init__(name=f"client-{number}", daemon=True)
        self.number, self.args, self.outcome, self.stop, self.run_id = number, args, outcome, stop, run_id
        host, port = args.proxy.rsplit(":", 1)
        self.host, self.port = host, int(port)
        self.conn = None
        self.created = 0
        self.warm = threading.Event()   # set once this client has a user, a token and an order

    def request(self, method, path, body, headers):
        """One try: (status, parsed body) or (error name, None)."""
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=10)
            self.conn.request(method, path, body=json.dumps(body), headers={"Content-Type": "application/json", **headers})
            r = self.conn.getresponse()
            data = r.read()
            if r.getheader("Connection", "").lower() == "close":
                self.conn.close(); self.conn = None
            return r.status, (json.loads(data) if data and r.status < 300 else None)
        except (OSError, http.client.HTTPException) as e:
            if self.conn is not None:
                self.conn.close()
            self.conn = None
            return type(e).__name__, None

    def write(self, what, path, body, headers=None):
        """A POST with an Idempotency-Key, tried again (same key) while the proxy answers 502/503/504 or the
        connection breaks: a client's normal way. Returns the 2xx body, or None."""
        key = str(uuid.uuid4())
        for attempt in range(4):
            status, data = self.request("POST", path, body, {"Idempotency-Key": key, **(headers or {})})
            if attempt == 0:
                self.outcome.note(status)
            elif attempt == 1:
                with self.outcome.lock:
                    self.outcome.retried += 1
            if isinstance(status, int) and 200 <= status < 300:
                return data
            if isinstance(status, int) and status not in RETRIED_STATUSES:
                break
            time.sleep(0.2 * (attempt + 1))
        with self.outcome.lock:
            self.outcome.failed.append(f"{what}: last answer {status}")
        return None

    def run(self):
        interval = 1.0 / self.args.rate
        next_at = time.monotonic()
        token, user_id, orders_of_user = None, None, 0
        while not self.stop.is_set():
            if token is None or orders_of_user >= 10:
                self.created += 1
                nick = f"ck{self.run_id}c{self.number}u{self.created}"
                password = f"pw-{uuid.uuid4().hex[:16]}"
                serial = self.number * 100000 + self.created
                user = self.write(f"register {nick}", "/users", {
                    "nick_name": nick, "password": password, "full_name": f"Check User {self.number} {self.created}",
                    "cpf": cpf(serial), "email": f"{nick}@example.com", "phone_number": f"+55 11 9{serial:08d}"})
                if user is not None:
                    with self.outcome.lock:
                        self.outcome.users[user["user_id"]] = nick
                    token_answer = self.write(f"token of {nick}", "/auth/token", {"nick_name": nick, "password": password})
                    token = token_answer and token_answer["access_token"]
                    user_id, orders_of_user = user["user_id"], 0
            else:
                orders_of_user += 1
                order = self.write(f"order of user {user_id}", f"/users/{user_id}/orders",
                                   {"item_description": f"Item {orders_of_user}", "item_quantity": orders_of_user,
                                    "item_price": 1990}, {"Authorization": f"Bearer {token}"})
                if order is not None:
                    with self.outcome.lock:
                        self.outcome.orders[order["order_id"]] = user_id
                    self.warm.set()
            next_at += interval
            time.sleep(max(0.0, next_at - time.monotonic()))


# ---------------------------------------------------------------- the run

def psql(args, sql):
    out = subprocess.run(["psql", "-h", args.pghost, "-U", "postgres", "-d", args.database, "-tAF,", "-c", sql],
                         check=True, capture_output=True, text=True).stdout
    return [line.split(",") for line in out.splitlines() if line]


def main():
    args = parse_args()
    victim, victim_pid = args.victim.split(":")
    run_id = f"{int(time.time()) % 100000}"
    failures = []

    # A queue of this check's own, bound to every event, before the first write.
    queue = f"msapp.cluster-check.{run_id}"
    rabbit = pika.BlockingConnection(pika.ConnectionParameters(args.rabbitmq))
    channel = rabbit.channel()
    channel.queue_declare(queue, durable=True, arguments={"x-expires": 600_000})
    channel.queue_bind(queue, EXCHANGE, routing_key="#")
    rabbit.close()
    print(f"events: queue {queue} bound to {EXCHANGE} with '#'")

    outcome, stop = Outcome(), threading.Event()
    clients = [Client(n + 1, args, outcome, stop, run_id) for n in range(args.clients)]
    # Warm-up: every client has registered, taken a token and placed an order (the fresh JVMs have compiled
    # something) before the clock of the load starts.
    warm_began = time.monotonic()
    for c in clients:
        c.start()
    for c in clients:
        if not c.warm.wait(max(1.0, 120 - (time.monotonic() - warm_began))):
            print("[X] the clients could not register, log in and order within 120 s")
            stop.set()
            return 1
    print(f"warm-up: {args.clients} clients registered, logged in and ordered in {time.monotonic() - warm_began:.1f} s")
    print(f"load: {args.clients} clients x {args.rate:g} requests/s for {args.seconds:g} s through {args.proxy}; "
          f"SIGKILL to {victim} (pid {victim_pid}) at {args.kill_after:g} s")
    start_counts = answered(args.stats)
    began = time.monotonic()

    killed_at = down_after = None
    before_kill = None
    last_print = 0.0
    while time.monotonic() - began < args.seconds:
        now = time.monotonic() - began
        if killed_at is None and now >= args.kill_after:
            before_kill = answered(args.stats)
            os.kill(int(victim_pid), signal.SIGKILL)
            killed_at = time.monotonic()
            print(f"t={now:5.1f}s  SIGKILL -> {victim} (pid {victim_pid})")
        if killed_at is not None and down_after is None:
            status = servers(args.stats)[victim]["status"]
            if status.startswith("DOWN") or status.startswith("MAINT"):
                down_after = time.monotonic() - killed_at
                print(f"t={now:5.1f}s  HAProxy: {victim} is {status}, {down_after:.2f} s after the kill")
        if now - last_print >= 2.0:
            last_print = now
            rows = servers(args.stats)
            counts = {n: int(r["hrsp_2xx"] or 0) - start_counts.get(n, 0) for n, r in rows.items()}
            print(f"t={now:5.1f}s  2xx so far by instance: " + "  ".join(
                f"{n}={counts[n]} ({rows[n]['status']})" for n in sorted(rows)))
        time.sleep(0.05)
    stop.set()
    for c in clients:
        c.join(30)
    end_counts = answered(args.stats)

    # Spread, before the kill.
    spread = {n: before_kill[n] - start_counts.get(n, 0) for n in sorted(before_kill)} if before_kill else {}
    total = sum(spread.values())
    print(f"\nspread before the kill ({total} answers 2xx): " + "  ".join(
        f"{n}={c} ({100 * c / max(total, 1):.0f}%)" for n, c in spread.items()))
    if total < 15:
        failures.append(f"too few answers before the kill ({total}) to judge the spread")
    elif len(spread) != 3 or any(c < 0.15 * total for c in spread.values()):
        failures.append(f"requests were not spread over the three instances: {spread}")
    after = {n: end_counts[n] - before_kill[n] for n in sorted(end_counts)} if before_kill else {}
    print("answers 2xx after the kill: " + "  ".join(f"{n}={c}" for n, c in after.items()))
    if after.get(victim, 0) > 0:
        failures.append(f"{victim} answered {after[victim]} requests after it was killed")

    # Down detection.
    if down_after is None:
        failures.append(f"HAProxy did not take {victim} out within the run")
        print(f"HAProxy never marked {victim} down")
    else:
        print(f"HAProxy marked {victim} down {down_after:.2f} s after SIGKILL (limit {args.down_limit:g} s)")
        if down_after > args.down_limit:
            failures.append(f"HAProxy took {down_after:.2f} s to mark {victim} down")

    # What the clients saw.
    print(f"requests: {outcome.requests} operations, warm-up included; first tries: " + ", ".join(
        f"{k}: {v}" for k, v in sorted(outcome.first_tries.items(), key=lambda kv: str(kv[0]))))
    print(f"operations tried again with the same Idempotency-Key: {outcome.retried}; never answered 2xx: {len(outcome.failed)}")
    for f in outcome.failed[:10]:
        print("  " + f)
    if outcome.failed:
        failures.append(f"{len(outcome.failed)} operations never got a 2xx answer")

    # Every 2xx write is in the database, once.
    db_users = {int(uid): nick for uid, nick in psql(args, f"SELECT user_id, nick_name FROM users WHERE nick_name LIKE 'ck{run_id}c%'")}
    db_orders = {int(oid): int(uid) for oid, uid in psql(args, "SELECT order_id, user_id FROM orders WHERE user_id IN "
                                                         f"(SELECT user_id FROM users WHERE nick_name LIKE 'ck{run_id}c%')")}
    missing_users = [u for u, nick in outcome.users.items() if db_users.get(u) != nick]
    missing_orders = [o for o, u in outcome.orders.items() if db_orders.get(o) != u]
    extra_users = sorted(set(db_users) - set(outcome.users))
    extra_orders = sorted(set(db_orders) - set(outcome.orders))
    print(f"database: {len(outcome.users)} users and {len(outcome.orders)} orders answered 2xx; "
          f"{len(outcome.users) - len(missing_users)} and {len(outcome.orders) - len(missing_orders)} of them found; "
          f"{len(extra_users)} users and {len(extra_orders)} orders there that no 2xx answered (duplicates)")
    if missing_users or missing_orders:
        failures.append(f"writes answered 2xx but not in the database: users {missing_users[:10]}, orders {missing_orders[:10]}")
    if extra_users or extra_orders:
        failures.append(f"writes in the database that no 2xx answered: users {extra_users[:10]}, orders {extra_orders[:10]}")

    # Every event arrives.
    expected = {f"users/{u}" for u in outcome.users} | {f"orders/{o}" for o in outcome.orders}
    wanted_types = {"org.msapp.user.registered", "org.msapp.order.placed"}
    seen, ids, deliveries, types = set(), set(), 0, {}
    rabbit = pika.BlockingConnection(pika.ConnectionParameters(args.rabbitmq))
    channel = rabbit.channel()
    deadline = time.monotonic() + args.event_wait
    while not expected <= seen and time.monotonic() < deadline:
        method, props, body = channel.basic_get(queue, auto_ack=True)
        if method is None:
            time.sleep(0.2)
            continue
        deliveries += 1
        event = json.loads(body)
        ids.add(event["id"])
        types[event["type"]] = types.get(event["type"], 0) + 1
        if event["type"] in wanted_types:
            seen.add(event["subject"])
    channel.queue_delete(queue)
    rabbit.close()
    missing_events = sorted(expected - seen)
    print(f"events: {len(expected)} expected, {len(expected & seen)} arrived "
          f"({deliveries} deliveries, {len(ids)} distinct ids: " + ", ".join(f"{t} {n}" for t, n in sorted(types.items())) + ")")
    if missing_events:
        failures.append(f"{len(missing_events)} events never arrived: {missing_events[:10]}")

    print()
    if failures:
        for f in failures:
            print(f"[X] {f}")
        return 1
    print("[✓] cluster check passed: spread over three, the killed instance out in "
          f"{down_after:.2f} s, every 2xx write in the database once, every event arrived")
    return 0


if __name__ == "__main__":
    sys.exit(main())
