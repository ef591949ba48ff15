# Shared by the benchmarks that run against the release tack-testserver (get, observe, apiserver).
# Source it after setting ROOT and WORK; it defines:
#   bench_build PRODUCT...         release build with the Swift runtime linked statically; sets BIN
#   bench_start_server ARGS...     starts $BIN/tack-testserver ARGS, waits for it; sets SERVER, URL,
#                                  exports KUBECONFIG, stops the server on exit
#   bench_credentials              writes ca.pem, client.pem, client-key.pem, token from the kubeconfig
#                                  into $WORK and sets CURL_AUTH (an array of curl flags)
#   bench_measure NAME COMMAND...  GNU time medians over $REPS runs as a table row; the medians
#                                  ("wall rss") are left in $WORK/last.median
#   bench_ratio LABEL A B          "LABEL: 0.12x wall, 0.35x memory" from two "wall rss" medians

bench_build() {
  # One release build folder for every benchmark, so they share it.
  SCRATCH="${TACK_BENCH_SCRATCH:-$ROOT/.build-release}"
  local product
  for product in "$@"; do
    echo "# building $product (release)" >&2
    swift build -c release --static-swift-stdlib --product "$product" --scratch-path "$SCRATCH" >&2
  done
  BIN="$(swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --show-bin-path)"
}

bench_start_server() {
  local server_bin="${TACK_BENCH_SERVER:-$BIN/tack-testserver}"
  "$server_bin" "$@" --kubeconfig-out "$WORK/kubeconfig" > "$WORK/server.out" 2> "$WORK/server.err" &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
  for _ in $(seq 1 3000); do
    grep -q '^ready ' "$WORK/server.out" 2>/dev/null && break
    sleep 0.1
  done
  grep -q '^ready ' "$WORK/server.out" || { echo "server did not start:" >&2; cat "$WORK/server.err" >&2; exit 1; }
  URL="$(awk '/^ready /{print $2}' "$WORK/server.out")"
  export KUBECONFIG="$WORK/kubeconfig"
}

bench_credentials() {
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
}

bench_measure() {
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

bench_ratio() {
  awk -v l="$1" -v a="$2" -v b="$3" \
    'BEGIN{split(a,x," "); split(b,y," "); printf "%s: %.2fx wall, %.2fx memory\n", l, x[1]/y[1], x[2]/y[2]}'
}
