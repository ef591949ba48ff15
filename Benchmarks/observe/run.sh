#!/usr/bin/env bash
# Benchmarks for `tack events -A` and `tack tree ks` (not timed tests; see Benchmarks/README.md).
#
#   Benchmarks/observe/run.sh [REPETITIONS]
#
# Builds release binaries (Swift runtime linked statically), seeds tack-testserver with 10,000
# Events about Flux objects across 50 namespaces and a Kustomization whose inventory has 5,000
# entries, and measures side by side, REPETITIONS times each (default 7), wall time and peak RSS
# (GNU time's %e %M), reporting medians and the ratios tack/peer:
#   tack events -A                 vs kubectl get events -A   (and curl of the same pages)
#   tack tree ks big               vs kubectl get kustomization big -o json (one object read and printed)
set -euo pipefail

REPS="${1:-7}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$ROOT/Benchmarks/.work/observe"
EVENTS="${TACK_BENCH_EVENTS:-10000}"
INVENTORY="${TACK_BENCH_INVENTORY:-5000}"
NAMESPACES="${TACK_BENCH_NAMESPACES:-50}"
mkdir -p "$WORK"
cd "$ROOT"
# shellcheck source=Benchmarks/lib/testserver.sh
. "$ROOT/Benchmarks/lib/testserver.sh"

bench_build tack tack-testserver
TACK="$BIN/tack"
echo "# starting tack-testserver with $EVENTS Events in $NAMESPACES namespaces and an inventory of $INVENTORY" >&2
bench_start_server --seed-events "$EVENTS" --seed-namespaces "$NAMESPACES" --seed-inventory "$INVENTORY"
bench_credentials

curl_pages() {
  local cont="" page="$WORK/page.json"
  while :; do
    curl -sS --compressed "${CURL_AUTH[@]}" -o "$page" "$URL/api/v1/events?limit=500${cont:+&continue=$cont}"
    cont="$(grep -o '"continue":"[^"]*"' "$page" | head -1 | sed 's/"continue":"\(.*\)"/\1/')"
    [ -n "$cont" ] || break
  done
}

echo
echo "$EVENTS Events in $NAMESPACES namespaces, an inventory of $INVENTORY entries; median of $REPS runs"
echo
printf '| %-58s | %8s | %10s |\n' "command" "wall (s)" "peak RSS (KiB)"
printf '|%s|%s|%s|\n' "$(printf -- '-%.0s' $(seq 1 60))" "----------" "------------"
bench_measure "tack events -A" "$TACK" events -A; TE="$(cat "$WORK/last.median")"
bench_measure "tack events -A -o jsonl" "$TACK" events -A -o jsonl
bench_measure "kubectl get events -A" kubectl get events -A; KE="$(cat "$WORK/last.median")"
bench_measure "curl, the same pages (limit=500) to a file" bash -c "$(declare -p URL WORK CURL_AUTH); $(declare -f curl_pages); curl_pages"
bench_measure "tack tree ks big (5,000 entries)" "$TACK" tree ks big; TT="$(cat "$WORK/last.median")"
bench_measure "tack tree ks big -o json" "$TACK" tree ks big -o json
bench_measure "kubectl get kustomization big -o json" kubectl get kustomizations.kustomize.toolkit.fluxcd.io big -n flux-system -o json; KT="$(cat "$WORK/last.median")"
echo
bench_ratio "events -A (tack / kubectl)" "$TE" "$KE"
bench_ratio "tree ks (tack / kubectl get -o json)" "$TT" "$KT"
