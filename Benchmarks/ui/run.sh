#!/usr/bin/env bash
# Benchmark of `tack ui` with 1,000 watched objects (not a timed test; see Benchmarks/README.md).
#
#   Benchmarks/ui/run.sh [OBJECTS] [IDLE_SECONDS]
#
# 1. ui-bench (Benchmarks/ui/Driver): the frame cost without a terminal — a full redraw (render the
#    view and encode every cell) and a one-object change, at 120x40 and 200x60, median of 200.
# 2. `tack ui -A` in tmux (200x60) against the release tack-testserver seeded with OBJECTS
#    Kustomizations (default 1000): once every object is listed, the CPU time it uses over
#    IDLE_SECONDS (default 30) of nothing changing, from /proc/PID/stat, as a share of one core, and
#    its peak and final resident memory (VmHWM, VmRSS).
# Needs: tmux.
set -euo pipefail

OBJECTS="${1:-1000}"
IDLE="${2:-30}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/tack-ui-bench.XXXXXX")"
command -v tmux > /dev/null || { echo "tmux not found (apt-get install tmux)" >&2; exit 1; }
# shellcheck source=../lib/testserver.sh
source Benchmarks/lib/testserver.sh

bench_build tack tack-testserver ui-bench
echo "## frame cost (ui-bench $OBJECTS)"
"$BIN/ui-bench" "$OBJECTS" 200

bench_start_server --seed-kustomizations "$OBJECTS" --seed-namespaces 50
SOCKET="tack-ui-bench-$$"
TMUX=(tmux -L "$SOCKET" -f /dev/null)
"${TMUX[@]}" new-session -d -s ui -x 200 -y 60 -e KUBECONFIG="$KUBECONFIG" -e TERM=tmux-256color "$BIN/tack ui"
trap '"${TMUX[@]}" kill-server 2>/dev/null || true; kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  "${TMUX[@]}" capture-pane -p -t ui | grep -q "Kustomization *$OBJECTS " && break
  sleep 0.1
done
"${TMUX[@]}" capture-pane -p -t ui | grep -q "Kustomization *$OBJECTS " || { echo "the dashboard did not list $OBJECTS objects" >&2; exit 1; }
PID="$("${TMUX[@]}" display -p -t ui '#{pane_pid}')"
ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
HZ="$(getconf CLK_TCK)"
sleep 2
START="$(ticks)"
sleep "$IDLE"
END="$(ticks)"
echo "## tack ui -A, $OBJECTS Kustomizations watched, 200x60"
awk -v t=$((END - START)) -v hz="$HZ" -v s="$IDLE" 'BEGIN { printf "idle CPU: %.2f%% of one core (%d ticks in %d s)\n", 100 * t / hz / s, t, s }'
grep -E '^Vm(HWM|RSS)' "/proc/$PID/status"
"${TMUX[@]}" send-keys -t ui q
