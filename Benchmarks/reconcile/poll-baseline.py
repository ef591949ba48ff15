#!/usr/bin/env python3
"""The 2 s-poll baseline for the reconcile benchmark: what `flux reconcile` does, as a tiny client.

Annotates the object with reconcile.fluxcd.io/requestedAt (merge patch), then GETs it at once and
every --interval seconds until status.lastHandledReconcileAt carries the token, kstatus says
Current (observedGeneration == generation, no Reconciling=True, no Stalled=True) and Ready=True —
fluxcd/flux2 cmd/flux/reconcile.go with wait.PollUntilContextTimeout(2s).

usage: poll-baseline.py --server URL --ca FILE --token TOKEN --path /apis/.../kustomizations/NAME
exit 0 when reconciled, 1 on failure or timeout.
"""
import argparse
import datetime
import json
import ssl
import sys
import time
import urllib.request


def request(args, method, body=None, content_type=None):
    req = urllib.request.Request(args.server + args.path, method=method)
    req.add_header("Authorization", "Bearer " + args.token)
    req.add_header("Accept", "application/json")
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        req.add_header("Content-Type", content_type)
    context = ssl.create_default_context(cafile=args.ca)
    with urllib.request.urlopen(req, data=data, context=context, timeout=10) as response:
        return json.loads(response.read())


def done(obj, token):
    status = obj.get("status", {})
    if status.get("lastHandledReconcileAt") != token:
        return False
    if status.get("observedGeneration") != obj["metadata"].get("generation"):
        return False
    conditions = {c["type"]: c for c in status.get("conditions", [])}
    if conditions.get("Stalled", {}).get("status") == "True":
        raise SystemExit("stalled: " + conditions["Stalled"].get("message", ""))
    if conditions.get("Reconciling", {}).get("status") == "True":
        return False
    return conditions.get("Ready", {}).get("status") == "True"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--ca", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--path", required=True)
    parser.add_argument("--interval", type=float, default=2.0)
    parser.add_argument("--timeout", type=float, default=300.0)
    args = parser.parse_args()

    token = datetime.datetime.now(datetime.timezone.utc).isoformat().replace("+00:00", "Z")
    request(args, "PATCH", {"metadata": {"annotations": {"reconcile.fluxcd.io/requestedAt": token}}},
            "application/merge-patch+json")
    deadline = time.monotonic() + args.timeout
    while time.monotonic() < deadline:
        if done(request(args, "GET"), token):
            return 0
        time.sleep(args.interval)
    print("context deadline exceeded", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
