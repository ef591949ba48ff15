#!/usr/bin/env bash
# Benchmark for `tack logs --follow` (issue 12: keep up with 1,000 lines/s across the controller pods
# with < 5% of a core), against `kubectl logs -f` over the same pods. Not a timed test; see
# Benchmarks/README.md.
#
#   Benchmarks/observe/follow.sh [REPETITIONS]
#
# Builds release binaries (Swift runtime linked statically), starts tack-testserver writing
# TACK_BENCH_LOG_RATE (default 1,000) Flux controller JSON lines a second spread over six controller
# pods in flux-system (--log-rate), and runs each follower for TACK_BENCH_FOLLOW_SECONDS (default 20)
# seconds, REPETITIONS times (default 3), ended by SIGINT. Reports medians of CPU time (user + system)
# as a share of one core over the window, peak RSS, and the lines each printed a second, then the
# ratios tack/kubectl.
set -euo pipefail

REPS="${1:-3}"
RATE="${TACK_BENCH_LOG_RATE:-1000}"
WINDOW="${TACK_BENCH_FOLLOW_SECONDS:-20}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$ROOT/Benchmarks/.work/observe-follow"
mkdir -p "$WORK"
cd "$ROOT"
# shellcheck source=Benchmarks/lib/testserver.sh
. "$ROOT/Benchmarks/lib/testserver.sh"

bench_build tack tack-testserver
TACK="$BIN/tack"
echo "# starting tack-testserver writing $RATE log lines a second" >&2
bench_start_server --log-rate "$RATE"
SELECTOR="app in (source-controller,kustomize-controller,helm-controller,notification-controller,image-reflector-controller,image-automation-controller)"

# follow_measure NAME COMMAND...: medians of "cpu% rss lines/s" over $REPS windows, as a table row;
# "cpu% rss" left in $WORK/last.median.
follow_measure() {
  local name="$1"; shift
  local cpu=() rss=() rate=()
  for _ in $(seq 1 "$REPS"); do
    /usr/bin/time -f '%U %S %M' -o "$WORK/time.out" timeout -s INT "$WINDOW" "$@" > "$WORK/out.txt" 2> "$WORK/err.txt" || true
    # GNU time puts "Command exited with non-zero status" first when the window's SIGINT ends it.
    read -r user system max < <(tail -n 1 "$WORK/time.out")
    cpu+=("$(awk -v u="$user" -v s="$system" -v w="$WINDOW" 'BEGIN{printf "%.2f", (u+s)/w*100}')")
    rss+=("$max")
    rate+=("$(awk -v n="$(wc -l < "$WORK/out.txt")" -v w="$WINDOW" 'BEGIN{printf "%.0f", n/w}')")
  done
  median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
  local mc mr ml
  mc="$(median "${cpu[@]}")"; mr="$(median "${rss[@]}")"; ml="$(median "${rate[@]}")"
  printf '| %-70s | %8s | %10s | %8s |\n' "$name" "$mc" "$mr" "$ml"
  echo "$mc $mr" > "$WORK/last.median"
}

echo
echo "$RATE lines/s over 6 pods, ${WINDOW}s windows; median of $REPS"
echo
printf '| %-70s | %8s | %10s | %8s |\n' "command" "CPU (%)" "peak RSS (KiB)" "lines/s"
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' $(seq 1 72))" "----------" "------------" "----------"
follow_measure "tack logs --follow -A --tail 0" "$TACK" logs --follow -A --tail 0; TF="$(cat "$WORK/last.median")"
follow_measure "tack logs --follow -A --tail 0 -o json" "$TACK" logs --follow -A --tail 0 -o json
follow_measure "kubectl logs -f -n flux-system -l 'app in (the 6)' --max-log-requests 6 --tail 0" \
  kubectl logs -f -n flux-system -l "$SELECTOR" --max-log-requests 6 --tail 0; KF="$(cat "$WORK/last.median")"
echo
awk -v a="$TF" -v b="$KF" 'BEGIN{split(a,x," "); split(b,y," "); printf "logs --follow (tack / kubectl): %.2fx CPU, %.2fx memory\n", x[1]/y[1], x[2]/y[2]}'
