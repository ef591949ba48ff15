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

# Release tack (Swift runtime linked statically). The server is the release tack-testserver too,
# unless TACK_BENCH_SERVER names another build of it (it serves every client alike; only its speed
# sets the floor that curl measures).
SCRATCH="${TACK_BENCH_SCRATCH:-$ROOT/.build-release}"
echo "# building release binaries" >&2
swift build -c release --static-swift-stdlib --product tack --scratch-path "$SCRATCH" >&2
BIN="$(swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --show-bin-path)"
TACK="$BIN/tack"
SERVER_BIN="${TACK_BENCH_SERVER:-}"
if [ -z "$SERVER_BIN" ]; then
  swift build -c release --static-swift-stdlib --product tack-testserver --scratch-path "$SCRATCH" >&2
  SERVER_BIN="$BIN/tack-testserver"
fi

echo "# starting tack-testserver with $KUSTOMIZATIONS Kustomizations in $NAMESPACES namespaces" >&2
"$SERVER_BIN" --seed-kustomizations "$KUSTOMIZATIONS" --seed-namespaces "$NAMESPACES" \
  --kubeconfig-out "$WORK/kubeconfig" > "$WORK/server.out" 2> "$WORK/server.err" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 3000); do
  grep -q '^ready ' "$WORK/server.out" 2>/dev/null && break
  sleep 0.1
done
grep -q '^ready ' "$WORK/server.out" || { echo "server did not start:" >&2; cat "$WORK/server.err" >&2; exit 1; }
URL="$(awk '/^ready /{print $2}' "$WORK/server.out")"
export KUBECONFIG="$WORK/kubeconfig"

# Client credentials for curl, taken from the kubeconfig the server wrote (PyYAML).
python3 - "$WORK" <<'PY'
import base64, shutil, sys, yaml
work = sys.argv[1]
config = yaml.safe_load(open(work + "/kubeconfig"))
cluster = config["clusters"][0]["cluster"]
user = config["users"][0]["user"]
def place(name, data_key, path_key, source):
    if data_key in source:
        open(f"{work}/{name}", "wb").write(base64.b64decode(source[data_key]))
    elif path_key in source:
        shutil.copyfile(source[path_key], f"{work}/{name}")
place("ca.pem", "certificate-authority-data", "certificate-authority", cluster)
place("client.pem", "client-certificate-data", "client-certificate", user)
place("client-key.pem", "client-key-data", "client-key", user)
open(f"{work}/token", "w").write(user.get("token", ""))
PY
CURL_AUTH=(--cacert "$WORK/ca.pem")
if [ -s "$WORK/client.pem" ]; then CURL_AUTH+=(--cert "$WORK/client.pem" --key "$WORK/client-key.pem"); fi
if [ -s "$WORK/token" ]; then CURL_AUTH+=(-H "Authorization: Bearer $(cat "$WORK/token")"); fi

curl_pages() {
  local cont="" page="$WORK/page.json"
  while :; do
    curl -sS --compressed "${CURL_AUTH[@]}" -o "$page" \
      "$URL/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations?limit=500${cont:+&continue=$cont}"
    cont="$(grep -o '"continue":"[^"]*"' "$page" | head -1 | sed 's/"continue":"\(.*\)"/\1/')"
    [ -n "$cont" ] || break
  done
}
export -f curl_pages
export URL WORK
export CURL_AUTH_STR="${CURL_AUTH[*]}"

measure() { # name, command...
  local name="$1"; shift
  local times=() rss=()
  "$@" > /dev/null 2>&1 || { echo "$name failed:" >&2; "$@" 2>&1 >/dev/null | tail -3 >&2; return 1; }
  for _ in $(seq 1 "$REPS"); do
    /usr/bin/time -f '%e %M' -o "$WORK/time.out" "$@" > /dev/null 2>/dev/null
    read -r t m < "$WORK/time.out"
    times+=("$t"); rss+=("$m")
  done
  local mt mr
  mt="$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')"
  mr="$(printf '%s\n' "${rss[@]}" | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')"
  printf '| %-58s | %8s | %10s |\n' "$name" "$mt" "$mr"
}

echo
echo "$KUSTOMIZATIONS Kustomizations, $NAMESPACES namespaces; median of $REPS runs"
echo
printf '| %-58s | %8s | %10s |\n' "command" "wall (s)" "peak RSS (KiB)"
printf '|%s|%s|%s|\n' "$(printf -- '-%.0s' $(seq 1 60))" "----------" "------------"
measure "tack get ks -A" "$TACK" get ks -A
measure "tack get ks -A -o json" "$TACK" get ks -A -o json
measure "tack get ks -A -o jsonl" "$TACK" get ks -A -o jsonl
measure "kubectl get kustomizations...fluxcd.io -A -o json" kubectl get kustomizations.kustomize.toolkit.fluxcd.io -A -o json
measure "kubectl get kustomizations...fluxcd.io -A (table)" kubectl get kustomizations.kustomize.toolkit.fluxcd.io -A
measure "curl, the same pages (limit=500) to a file" bash -c "CURL_AUTH=($CURL_AUTH_STR); $(declare -f curl_pages); curl_pages"

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
  measure "tack version --client" "$TACK" version --client
  measure "kubectl version --client" kubectl version --client
fi
