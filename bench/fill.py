#!/usr/bin/env python3
"""Registers N users through the API and logs each one in, two at a time (registration and log-in hash
with argon2, which the service admits two at a time; a 503 is retried after its Retry-After).
Writes one line per user to OUT: "<user_id> <access token>". Usage: fill.py BASE_URL N OUT"""
import base64, json, sys, time, urllib.error, urllib.request
from concurrent.futures import ThreadPoolExecutor

base, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
PASSWORD = "Bench@12345"


def cpf(n):
    d = [int(c) for c in f"{100000000 + n * 7919 % 800000000:09d}"]
    if len(set(d)) == 1:   # nine equal digits make a CPF the rules refuse, whatever its check digits
        d[-1] = (d[-1] + 1) % 10
    for count in (9, 10):
        rest = sum(d[i] * (count + 1 - i) for i in range(count)) % 11
        d.append(0 if rest < 2 else 11 - rest)
    return "".join(map(str, d))


def call(method, path, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    for attempt in range(100):
        req = urllib.request.Request(base + path, data=data, method=method, headers=dict(headers or {}))
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.status, r.headers, json.loads(r.read() or b"null")
        except urllib.error.HTTPError as e:
            if e.code in (429, 503):
                time.sleep(float(e.headers.get("Retry-After") or 1) * 0.5)
                continue
            raise SystemExit(f"{method} {path}: {e.code} {e.read()[:300]!r}")
    raise SystemExit(f"{method} {path}: still refused after 100 tries")


def one(i):
    nick = f"bench{i:05d}"
    _, headers, user = call("POST", "/users", {
        "nick_name": nick, "password": PASSWORD, "full_name": f"Bench User {i}", "cpf": cpf(i),
        "email": f"{nick}@example.com", "phone_number": "5511999990000"})
    basic = base64.b64encode(f"{nick}:{PASSWORD}".encode()).decode()
    _, _, token = call("POST", "/auth/token", headers={"Authorization": "Basic " + basic})
    return f"{user['user_id']} {token['access_token']}"


with ThreadPoolExecutor(2) as pool:
    lines = list(pool.map(one, range(1, count + 1)))
with open(out, "w") as f:
    f.write("\n".join(lines) + "\n")
