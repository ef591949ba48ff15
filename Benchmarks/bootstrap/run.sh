#!/usr/bin/env bash
# Benchmark: `tack bootstrap git` into a fresh, empty bare repository served over HTTPS, against the
# test API server (tack-demo-server: API server + git http-backend + Flux doubles), REPETITIONS
# times (default 5), each on a fresh server. For every run it timestamps tack's stderr lines and
# reports, median over the runs:
#   - to-sync:  start → "✔ reconciled sync configuration" — clone, both commits and pushes,
#               component install, secret, sync apply; everything but the waits for controllers
#   - total:    start → exit, including the watch-driven waits (the doubles answer in ~100 ms)
# Target: to-sync under 2 s wall. Release build of tack (static Swift runtime); the demo server is a
# debug build (it is test support, not what is measured).
set -euo pipefail
cd "$(dirname "$0")/../.."
REPETITIONS="${1:-5}"
SWIFT="${SWIFT:-swift}"

"$SWIFT" build -c release --static-swift-stdlib --product tack >&2
"$SWIFT" build --product tack-demo-server >&2
TACK="$("$SWIFT" build -c release --show-bin-path)/tack"
SERVER="$("$SWIFT" build --show-bin-path)/tack-demo-server"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/tack-bench-bootstrap.XXXXXX")"
PID=""
cleanup() {
  if [ -n "$PID" ]; then kill -TERM "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

: >"$WORK/to-sync" ; : >"$WORK/total"
for run in $(seq 1 "$REPETITIONS"); do
  STATE="$WORK/run-$run"
  "$SERVER" --state-dir "$STATE" --git-password bench --poll-interval 100 >"$STATE.out" 2>"$STATE.err" &
  PID=$!
  for _ in $(seq 1 600); do grep -q '^ready ' "$STATE.out" 2>/dev/null && break; sleep 0.1; done
  READY="$(grep '^ready ' "$STATE.out")"
  field() { printf '%s\n' "$READY" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
  mkdir -p "$STATE/home"
  start=$(now_ms)
  HOME="$STATE/home" XDG_CACHE_HOME="$STATE/home/.cache" KUBECONFIG="$(field kubeconfig)" \
    "$TACK" bootstrap git --url "$(field git-url)" --ca-file "$(field git-ca)" --token-auth -u git -p bench \
      --path clusters/bench --manifests "$(field manifests)" --timeout 2m 2>&1 >/dev/null |
    while IFS= read -r line; do printf '%s %s\n' "$(now_ms)" "$line"; done >"$STATE.log"
  end=$(now_ms)
  synced=$(grep -m1 'reconciled sync configuration' "$STATE.log" | cut -d' ' -f1)
  grep -q 'all components are healthy' "$STATE.log" || { echo "run $run failed:" >&2; cat "$STATE.log" >&2; exit 1; }
  echo $((synced - start)) >>"$WORK/to-sync"
  echo $((end - start)) >>"$WORK/total"
  printf 'run %d: to-sync %d ms, total %d ms\n' "$run" $((synced - start)) $((end - start)) >&2
  kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; PID=""
done
printf 'median of %d runs: to-sync %s ms, total %s ms\n' "$REPETITIONS" "$(median <"$WORK/to-sync")" "$(median <"$WORK/total")"
