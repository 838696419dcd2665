#!/usr/bin/env python3
"""Reads the service's events with pika (the tutorial's client) and checks each is a CloudEvent 1.0
in structured JSON mode, persistent, whose AMQP message_id is the event id.

    /usr/bin/python3 bench/pika_check.py [amqp-url] [count] [seconds]

It binds a temporary queue to msapp.events (#), waits for `count` events (default 7) or `seconds`
(default 30), prints one line per event, and exits 1 if any check failed or too few came.
Produce events meanwhile, e.g. register a user and place an order with curl (see the README).
"""
import json
import sys
import time

import pika

url = sys.argv[1] if len(sys.argv) > 1 else "amqp://guest:guest@127.0.0.1:5672/%2F"
count = int(sys.argv[2]) if len(sys.argv) > 2 else 7
seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 30

conn = pika.BlockingConnection(pika.URLParameters(url))
ch = conn.channel()
ch.exchange_declare("msapp.events", exchange_type="topic", durable=True)
queue = ch.queue_declare("", exclusive=True, auto_delete=True).method.queue
ch.queue_bind(queue, "msapp.events", routing_key="#")
print(f"bound {queue} to msapp.events (#); waiting for {count} events, {seconds:.0f} s", flush=True)

failures, seen, deadline = [], 0, time.monotonic() + seconds
while seen < count and time.monotonic() < deadline:
    method, props, body = ch.basic_get(queue, auto_ack=True)
    if method is None:
        time.sleep(0.05)
        continue
    seen += 1
    ce = json.loads(body)
    checks = {
        "content_type application/cloudevents+json": props.content_type == "application/cloudevents+json",
        "delivery_mode 2": props.delivery_mode == 2,
        "message_id == id": props.message_id == ce.get("id"),
        "specversion 1.0": ce.get("specversion") == "1.0",
        "type org.msapp.<routing key>": ce.get("type") == "org.msapp." + method.routing_key,
        "source, subject, time, datacontenttype, data": all(k in ce for k in ("source", "subject", "time", "datacontenttype", "data")),
        "no password, hash or clear CPF": not any(w in body.decode() for w in ("password\"", "argon2", "password_hash"))
                                          and str(ce.get("data", {}).get("cpf", "***")).startswith("***"),
    }
    bad = [name for name, ok in checks.items() if not ok]
    failures += bad
    print(f"{'OK ' if not bad else 'BAD'} {method.routing_key:22} {ce.get('subject'):12} id={ce.get('id')} "
          f"message_id={props.message_id} delivery_mode={props.delivery_mode}" + (f"  failed: {bad}" if bad else ""), flush=True)

conn.close()
if seen < count:
    print(f"only {seen} of {count} events within {seconds:.0f} s")
    sys.exit(1)
print("all checks passed" if not failures else f"{len(failures)} checks failed")
sys.exit(1 if failures else 0)
