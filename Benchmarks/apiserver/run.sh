#!/usr/bin/env bash
# Test API server benchmark (not a timed test; see Benchmarks/README.md, "Test API server").
#
#   Benchmarks/apiserver/run.sh [REPETITIONS]
#
# Builds tack-testserver in release, seeds it with 10,000 Kustomizations in 50 namespaces (the seed
# time is what the server reports), then measures, REPETITIONS times each (default 5), medians of:
#   kubectl get kustomizations.kustomize.toolkit.fluxcd.io -A -o json > /dev/null
#   kubectl get kustomizations.kustomize.toolkit.fluxcd.io -A            (Table from the server)
#   curl over every page (limit=500 + continue), plain and with --compressed
#   curl, the whole list in one request, plain and with --compressed
# For each: wall time, the client's CPU time, and the server's CPU time during the run (from
# /proc/<pid>/stat), so the server's share is visible next to the client's.
# Environment: TACK_BENCH_KUSTOMIZATIONS (10000), TACK_BENCH_NAMESPACES (50).
set -euo pipefail

REPS="${1:-5}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$ROOT/Benchmarks/.work/apiserver"
KUSTOMIZATIONS="${TACK_BENCH_KUSTOMIZATIONS:-10000}"
NAMESPACES="${TACK_BENCH_NAMESPACES:-50}"
mkdir -p "$WORK"
cd "$ROOT"

# shellcheck source=Benchmarks/lib/testserver.sh
. "$ROOT/Benchmarks/lib/testserver.sh"
bench_build tack-testserver
bench_start_server --seed-kustomizations "$KUSTOMIZATIONS" --seed-namespaces "$NAMESPACES"
bench_credentials

# Every page of the list, as a client pages it (the continue token is URL-safe, as kube's is).
cat > "$WORK/pages.sh" <<SH
#!/usr/bin/env bash
set -euo pipefail
cont=""
while :; do
  curl -sS \${CURL_EXTRA:-} --cacert "$WORK/ca.pem" --cert "$WORK/client.pem" --key "$WORK/client-key.pem" \\
    -o "$WORK/page.json" "$URL/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations?limit=500\${cont:+&continue=\$cont}"
  cont="\$(grep -o '"continue":"[^"]*"' "$WORK/page.json" | head -1 | sed 's/"continue":"\(.*\)"/\1/' || true)"
  [ -n "\$cont" ] || break
done
SH
chmod +x "$WORK/pages.sh"

server_ticks() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
TICK="$(getconf CLK_TCK)"
median() { sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }

measure() { # name, command...
  local name="$1"; shift
  local walls=() cpus=() servers=()
  "$@" > /dev/null 2>&1 || { echo "$name failed:" >&2; "$@" 2>&1 >/dev/null | tail -3 >&2; return 1; }
  for _ in $(seq 1 "$REPS"); do
    local before after
    before="$(server_ticks)"
    /usr/bin/time -f '%e %U %S' -o "$WORK/time.out" "$@" > /dev/null 2>/dev/null
    after="$(server_ticks)"
    read -r wall user sys < "$WORK/time.out"
    walls+=("$wall")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN{print u + s}')")
    servers+=("$(awk -v a="$after" -v b="$before" -v t="$TICK" 'BEGIN{print (a - b) / t}')")
  done
  local w c s
  w="$(printf '%s\n' "${walls[@]}" | median)"
  c="$(printf '%s\n' "${cpus[@]}" | median)"
  s="$(printf '%s\n' "${servers[@]}" | median)"
  printf '| %-52s | %8.2f | %10.2f | %10.2f |\n' "$name" "$w" "$c" "$s"
}

echo
echo "$KUSTOMIZATIONS Kustomizations in $NAMESPACES namespaces; median of $REPS runs"
grep '^seeded ' "$WORK/server.err" || true
echo
printf '| %-52s | %8s | %10s | %10s |\n' "command" "wall (s)" "client CPU (s)" "server CPU (s)"
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' $(seq 1 54))" "----------" "----------------" "----------------"
measure "kubectl get kustomizations...fluxcd.io -A -o json" kubectl get kustomizations.kustomize.toolkit.fluxcd.io -A -o json
measure "kubectl get kustomizations...fluxcd.io -A (Table)" kubectl get kustomizations.kustomize.toolkit.fluxcd.io -A
measure "curl, 20 pages (limit=500), plain" "$WORK/pages.sh"
measure "curl, 20 pages (limit=500), --compressed" env CURL_EXTRA=--compressed "$WORK/pages.sh"
measure "curl, one request for all (no limit), plain" curl -sS --cacert "$WORK/ca.pem" --cert "$WORK/client.pem" \
  --key "$WORK/client-key.pem" -o /dev/null "$URL/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations"
measure "curl, one request for all (no limit), --compressed" curl -sS --compressed --cacert "$WORK/ca.pem" \
  --cert "$WORK/client.pem" --key "$WORK/client-key.pem" -o /dev/null "$URL/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations"
