#!/usr/bin/env python3
"""Writes one run of bench/run.sh as a section of a Markdown file: the section between
<!-- bench:KEY --> and <!-- /bench:KEY --> (KEY: jdk<major>, or quick) is replaced, or appended;
everything else in the file is kept."""
import datetime, os, re, sys

(results, out, quick, jdk, pgver, cores, cpu, seconds, users, per_user, conns, threads, total) = sys.argv[1:14]
r = {}
for line in open(results):
    k, *v = line.split()
    r[k] = v

def wrk(name):
    rps, p50, p99, n, non2xx, errors, rss = r["wrk_" + name]
    return dict(rps=float(rps), p50=float(p50), p99=float(p99), n=int(n), bad=f"{non2xx} / {errors}", rss=int(rss))

def pg(name):
    tps, p50, p99, n = r["pg_" + name]
    return dict(rps=float(tps), p50=float(p50), p99=float(p99), n=int(n), bad="-", rss=0)

def verdict(ok):
    return "met" if ok else "**missed**"

live, user, post = wrk("live"), wrk("user"), wrk("post")
live_null, order = wrk("live_null"), wrk("order")
sel, ins = pg("select"), pg("insert")
rows = [
    ("floor: GET /health/live (CACHE_TYPE=redis)", live, "1.00 x floor", ""),
    ("GET /users/{id}, Redis cache hit", user, f"{user['rps'] / live['rps']:.2f} x floor", ">= 0.8 x floor: " + verdict(user['rps'] >= 0.8 * live['rps'])),
    ("POST /users/{id}/orders (relay to RabbitMQ)", post, f"{post['rps'] / ins['rps']:.2f} x pgbench INSERTs", ">= 0.7 x pgbench: " + verdict(post['rps'] >= 0.7 * ins['rps'])),
    ("floor: GET /health/live (CACHE_TYPE=null)", live_null, "1.00 x floor", ""),
    ("GET /orders/{id}, CACHE_TYPE=null", order, f"{order['rps'] / live_null['rps']:.2f} x floor; {order['rps'] / sel['rps']:.2f} x pgbench SELECT", ">= 0.5 x floor: " + verdict(order['rps'] >= 0.5 * live_null['rps'])),
    ("pgbench: the same SELECT by primary key", sel, "", ""),
    ("pgbench: the same two INSERTs in one transaction", ins, "", ""),
]
def half(name, label):
    rps, p50, p99, n, non2xx, errors, peak = r["half_" + name]
    return (f"- {label} at half its peak rate: {float(rps):.0f} requests/s ({float(rps) / float(peak):.2f} x its peak), "
            f"p50 {float(p50):.2f} ms, p99 {float(p99):.2f} ms, non-2xx / socket errors {non2xx} / {errors} "
            f"(target p99 < 10 ms: {verdict(float(p99) < 10)})")

read_rss = max(live["rss"], user["rss"], live_null["rss"], order["rss"]) / 1024
peak = max(int(r["hwm_redis"][0]), int(r["hwm_null"][0])) / 1024
ready = max(int(r["ready_redis"][0]), int(r["ready_null"][0]))
training = int(r["ready_training"][0]) if "ready_training" in r else None
major = re.search(r'version "(\d+)', jdk)
key = "quick" if quick == "1" else f"jdk{major.group(1) if major else 'unknown'}"
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")

lines = [
    f"<!-- bench:{key} -->",
    f"### {jdk}{' (--quick: proves the harness, not the speed)' if key == 'quick' else ''}",
    "",
    f"{now}; {cores} cores ({cpu or 'unknown CPU'}); service on {jdk}; PostgreSQL {pgver}; "
    f"wrk and pgbench with {threads} threads and {conns} connections, {seconds} s per scenario after the warm-up described above; "
    f"{users} users (each with a token made before the run) and {per_user} orders each; the whole run took {total} s.",
    "",
    "| Scenario | requests/s | p50 ms | p99 ms | non-2xx / socket errors | ratio | target |",
    "|---|---:|---:|---:|---:|---|---|",
]
for name, m, ratio, target in rows:
    lines.append(f"| {name} | {m['rps']:.0f} | {m['p50']:.2f} | {m['p99']:.2f} | {m['bad']} | {ratio} | {target} |")
lines += [
    "",
    f"- RSS under read load (highest VmRSS sampled during the GET scenarios): {read_rss:.0f} MB (target < 300 MB: {verdict(read_rss < 300)})",
    f"- Peak RSS (VmHWM at the end of each service run, the higher of the two): {peak:.0f} MB (target < 450 MB: {verdict(peak < 450)})",
    f"- Ready (fork to /health/ready = 200, with the class archive of the training start): {r['ready_redis'][0]} ms with Redis, "
    f"{r['ready_null'][0]} ms without a cache (target < 2 s: {verdict(ready < 2000)})"
    + (f"; the training start (no archive, a fresh database to migrate): {training} ms" if training is not None else ""),
]
if "relay_half" in r and len(r["relay_half"]) == 3 and r["relay_half"][1]:
    count, p50, p99 = r["relay_half"]
    lines += [f"- The relay at the half-rate POST scenario's pace ({float(r['half_post'][0]):.0f} orders/s): {count} order events, "
              f"from the event's time (in the writing transaction) to its mark as published (after the broker's confirm), "
              f"p50 {p50} ms, p99 {p99} ms"]
lines += [
    f"- Events: {r['outbox'][0]} published to RabbitMQ and confirmed, {r['outbox'][1]} still in the outbox, "
    f"{r['outbox'][2]} ms after the write scenario ended",
    half("user", "GET /users/{id}, Redis cache hit"),
    half("order", "GET /orders/{id}, CACHE_TYPE=null"),
    half("post", "POST /users/{id}/orders"),
    f"<!-- /bench:{key} -->",
]
section = "\n".join(lines) + "\n"

text = open(out).read() if os.path.exists(out) else "# Benchmarks\n\nWritten by `bench/run.sh`; see the README.\n\n"
pattern = re.compile(rf"<!-- bench:{key} -->.*?<!-- /bench:{key} -->\n", re.S)
text = pattern.sub(lambda _: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
open(out, "w").write(text)
print(section)
