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

echo "# starting tack-testserver with $EVENTS Events in $NAMESPACES namespaces and an inventory of $INVENTORY" >&2
"$SERVER_BIN" --seed-events "$EVENTS" --seed-namespaces "$NAMESPACES" --seed-inventory "$INVENTORY" \
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
      "$URL/api/v1/events?limit=500${cont:+&continue=$cont}"
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
  echo "$mt $mr" > "$WORK/last.median"
}

ratio() { # label, tack "wall rss", peer "wall rss"
  awk -v l="$1" -v a="$2" -v b="$3" 'BEGIN{split(a,x," "); split(b,y," "); printf "%s: %.2fx wall, %.2fx memory\n", l, x[1]/y[1], x[2]/y[2]}'
}


echo
echo "$EVENTS Events in $NAMESPACES namespaces, an inventory of $INVENTORY entries; median of $REPS runs"
echo
printf '| %-58s | %8s | %10s |\n' "command" "wall (s)" "peak RSS (KiB)"
printf '|%s|%s|%s|\n' "$(printf -- '-%.0s' $(seq 1 60))" "----------" "------------"
measure "tack events -A" "$TACK" events -A; TE="$(cat "$WORK/last.median")"
measure "tack events -A -o jsonl" "$TACK" events -A -o jsonl
measure "kubectl get events -A" kubectl get events -A; KE="$(cat "$WORK/last.median")"
measure "curl, the same pages (limit=500) to a file" bash -c "CURL_AUTH=($CURL_AUTH_STR); $(declare -f curl_pages); curl_pages"
measure "tack tree ks big (5,000 entries)" "$TACK" tree ks big; TT="$(cat "$WORK/last.median")"
measure "tack tree ks big -o json" "$TACK" tree ks big -o json
measure "kubectl get kustomization big -o json" kubectl get kustomizations.kustomize.toolkit.fluxcd.io big -n flux-system -o json; KT="$(cat "$WORK/last.median")"
echo
ratio "events -A (tack / kubectl)" "$TE" "$KE"
ratio "tree ks (tack / kubectl get -o json)" "$TT" "$KT"
