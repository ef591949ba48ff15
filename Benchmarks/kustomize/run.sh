#!/usr/bin/env bash
# Benchmark of tack's kustomize engine against `kubectl kustomize` (not a timed test; see
# Benchmarks/README.md).
#
#   Benchmarks/kustomize/run.sh [RESOURCES] [REPETITIONS]
#
# Generates (in a temp dir) an overlay of about RESOURCES resources (default 500) over a base:
# Deployments, Services, ServiceAccounts, ConfigMaps and PVCs, ConfigMap/Secret generators the
# Deployments reference, and in the overlay namePrefix, namespace, commonLabels, commonAnnotations,
# a targeted strategic-merge patch on every Deployment, JSON 6902 patches, a merging generator,
# images and replicas (Benchmarks/kustomize/generate.py). Checks that both render the same bytes,
# then measures REPETITIONS runs of each, interleaved (default 7), wall time and peak RSS with GNU
# time (medians), and wall time again with hyperfine when it is installed.
# Needs: python3, kubectl, GNU time (apt: time); hyperfine optional (apt: hyperfine).
set -euo pipefail

RESOURCES="${1:-500}"
REPS="${2:-7}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
KUBECTL="${KUBECTL:-$(command -v kubectl || true)}"
[ -x "$KUBECTL" ] || { echo "kubectl not found" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time not found (apt-get install time)" >&2; exit 1; }

SCRATCH="${TACK_BENCH_SCRATCH:-$ROOT/.build-release}"
echo "# building release kustomize-bench" >&2
swift build -c release --static-swift-stdlib --product kustomize-bench --scratch-path "$SCRATCH" >&2
BENCH="$(swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --show-bin-path)/kustomize-bench"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/tack-kustomize-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
python3 "$ROOT/Benchmarks/kustomize/generate.py" "$WORK/tree" "$RESOURCES"
OVERLAY="$WORK/tree/overlay"

"$KUBECTL" kustomize "$OVERLAY" > "$WORK/kubectl.yaml" 2> /dev/null
"$BENCH" "$OVERLAY" > "$WORK/tack.yaml" 2> /dev/null
if ! cmp -s "$WORK/kubectl.yaml" "$WORK/tack.yaml"; then
  echo "outputs differ:" >&2
  diff "$WORK/kubectl.yaml" "$WORK/tack.yaml" | head -40 >&2
  exit 1
fi
DOCS="$(grep -c '^kind: ' "$WORK/tack.yaml")"
echo "# identical output: $DOCS resources, $(wc -c < "$WORK/tack.yaml") bytes" >&2

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
measure() { # name, then the command; appends "<seconds> <KiB>" to $WORK/<name>
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$WORK/time.out" "$@" > /dev/null 2>&1
  cat "$WORK/time.out" >> "$WORK/$name"
}
for _ in $(seq "$REPS"); do
  measure kubectl "$KUBECTL" kustomize "$OVERLAY"
  measure tack "$BENCH" "$OVERLAY"
done

printf '%-28s %10s %14s\n' "command" "wall (s)" "peak RSS (KiB)"
for name in kubectl tack; do
  printf '%-28s %10s %14s\n' "$name" "$(cut -d' ' -f1 "$WORK/$name" | median)" "$(cut -d' ' -f2 "$WORK/$name" | median)"
done
KW="$(cut -d' ' -f1 "$WORK/kubectl" | median)"; TW="$(cut -d' ' -f1 "$WORK/tack" | median)"
KM="$(cut -d' ' -f2 "$WORK/kubectl" | median)"; TM="$(cut -d' ' -f2 "$WORK/tack" | median)"
awk -v kw="$KW" -v tw="$TW" -v km="$KM" -v tm="$TM" \
  'BEGIN { printf "ratio tack/kubectl: wall %.3f, peak RSS %.3f (target <= 0.5)\n", (kw > 0 ? tw / kw : 0), tm / km }'

if command -v hyperfine > /dev/null; then
  hyperfine -N --warmup 1 --runs "$REPS" \
    -n "kubectl kustomize" "$KUBECTL kustomize $OVERLAY" \
    -n "tack (kustomize-bench)" "$BENCH $OVERLAY"
fi
