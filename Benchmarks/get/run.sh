#!/usr/bin/env bash
# Benchmarks for `tack get` and `tack version --client` (not timed tests; see Benchmarks/README.md).
#
#   Benchmarks/get/run.sh [REPETITIONS]
#
# Builds release binaries (Swift runtime linked statically), seeds tack-testserver with 10,000
# Kustomizations across 50 namespaces, and measures side by side, REPETITIONS times each (default 7),
# wall time and peak RSS (GNU time's %e %M), reporting medians:
#   tack get ks -A               (table)
#   tack get ks -A -o json
#   kubectl get kustomizations.kustomize.toolkit.fluxcd.io -A -o json
#   curl fetching the same pages (limit=500 + continue) to /dev/null: the transfer limit
# and cold start of `tack version --client` vs `kubectl version --client` with hyperfine (or a
# loop of GNU time when hyperfine is missing).
set -euo pipefail

REPS="${1:-7}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$ROOT/Benchmarks/.work/get"
KUSTOMIZATIONS="${TACK_BENCH_KUSTOMIZATIONS:-10000}"
NAMESPACES="${TACK_BENCH_NAMESPACES:-50}"
mkdir -p "$WORK"
cd "$ROOT"

# shellcheck source=Benchmarks/lib/testserver.sh
. "$ROOT/Benchmarks/lib/testserver.sh"

# Release tack and tack-testserver (Swift runtime linked statically). TACK_BENCH_SERVER may name
# another build of the server (it serves every client alike; only its speed sets the floor that
# curl measures).
if [ -n "${TACK_BENCH_SERVER:-}" ]; then bench_build tack; else bench_build tack tack-testserver; fi
TACK="$BIN/tack"

echo "# starting tack-testserver with $KUSTOMIZATIONS Kustomizations in $NAMESPACES namespaces" >&2
bench_start_server --seed-kustomizations "$KUSTOMIZATIONS" --seed-namespaces "$NAMESPACES"
bench_credentials

curl_pages() {
  local cont="" page="$WORK/page.json"
  while :; do
    curl -sS --compressed "${CURL_AUTH[@]}" -o "$page" \
      "$URL/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations?limit=500${cont:+&continue=$cont}"
    cont="$(grep -o '"continue":"[^"]*"' "$page" | head -1 | sed 's/"continue":"\(.*\)"/\1/')"
    [ -n "$cont" ] || break
  done
}

echo
echo "$KUSTOMIZATIONS Kustomizations, $NAMESPACES namespaces; median of $REPS runs"
echo
printf '| %-58s | %8s | %10s |\n' "command" "wall (s)" "peak RSS (KiB)"
printf '|%s|%s|%s|\n' "$(printf -- '-%.0s' $(seq 1 60))" "----------" "------------"
bench_measure "tack get ks -A" "$TACK" get ks -A
bench_measure "tack get ks -A -o json" "$TACK" get ks -A -o json
bench_measure "tack get ks -A -o jsonl" "$TACK" get ks -A -o jsonl
bench_measure "kubectl get kustomizations...fluxcd.io -A -o json" kubectl get kustomizations.kustomize.toolkit.fluxcd.io -A -o json
bench_measure "kubectl get kustomizations...fluxcd.io -A (table)" kubectl get kustomizations.kustomize.toolkit.fluxcd.io -A
bench_measure "curl, the same pages (limit=500) to a file" bash -c "$(declare -p URL WORK CURL_AUTH); $(declare -f curl_pages); curl_pages"

echo
echo "cold start (hyperfine, median)"
if command -v hyperfine > /dev/null; then
  hyperfine -N --warmup 5 --runs 100 --export-json "$WORK/coldstart.json" \
    "$TACK version --client" "kubectl version --client" > /dev/null 2>&1 || true
  python3 - "$WORK/coldstart.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"| {r['command'].split('/')[-1]:<40} | median {r['median']*1000:7.2f} ms | mean {r['mean']*1000:7.2f} ms |")
PY
else
  bench_measure "tack version --client" "$TACK" version --client
  bench_measure "kubectl version --client" kubectl version --client
fi
