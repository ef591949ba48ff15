#!/usr/bin/env bash
# OCI artifacts: `tack push artifact` and `tack pull artifact` of a ~200 MB tree against `skopeo copy`
# of the same artifact, in the same run, against Debian's docker-registry started here on loopback
# (TLS with a throwaway self-signed certificate, htpasswd).
#
#   push: tack push (tar + gzip + upload of the tree)   vs  skopeo copy oci:LAYOUT → registry
#         (upload of the already-built blobs); `tack build artifact` alone is timed too, so the
#         compression share is visible.
#   pull: tack pull (download + digest check + gunzip + untar into a directory)
#         vs  skopeo copy registry → oci:LAYOUT (download + digest check, no extraction).
#
# Every push goes to a fresh repository so no blob is skipped. Wall time and peak RSS are GNU time
# medians over RUNS runs.
# Needs: docker-registry, skopeo, apache2-utils (htpasswd), openssl, python3, GNU time.
# Usage: Benchmarks/oci/run.sh [SIZE_MIB] [RUNS]   (defaults 200 and 5)
#        TACK_BENCH_TACK=path/to/tack skips the release build (e.g. a debug build; say so in the notes).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$ROOT/Benchmarks/.work/oci"
SIZE_MIB="${1:-200}"
REPS="${2:-5}"
# shellcheck source=../lib/testserver.sh
. "$ROOT/Benchmarks/lib/testserver.sh"

for tool in docker-registry skopeo htpasswd openssl python3 /usr/bin/time; do
  command -v "$tool" > /dev/null || { echo "missing: $tool (see the header of $0)" >&2; exit 1; }
done
if [ -n "${TACK_BENCH_TACK:-}" ]; then TACK="$TACK_BENCH_TACK"; else bench_build tack; TACK="$BIN/tack"; fi
mkdir -p "$WORK"
cd "$WORK"

# The tree: YAML-like text files (base64 of random bytes, so gzip works as on manifests but cannot
# collapse them), 1,000 files in 20 directories.
if [ ! -f "tree-$SIZE_MIB.done" ]; then
  rm -rf tree
  python3 - "$SIZE_MIB" <<'PY'
import base64, os, sys
total = int(sys.argv[1]) << 20
files = 1000
per = total // files
for i in range(files):
    d = f"tree/dir{i % 20:02d}"
    os.makedirs(d, exist_ok=True)
    raw = os.urandom(per * 3 // 4)
    with open(f"{d}/file{i:04d}.yaml", "wb") as f:
        f.write(base64.encodebytes(raw))
PY
  touch "tree-$SIZE_MIB.done"
fi

# The registry.
rm -rf registry && mkdir -p registry/certs
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout registry/tls.key \
  -out registry/tls.crt -days 1 -subj /CN=localhost -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" 2> /dev/null
cp registry/tls.crt registry/certs/ca.crt
htpasswd -Bbn bench bench-pass > registry/htpasswd
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
cat > registry/config.yml <<EOF
version: 0.1
log: {level: error}
storage:
  filesystem: {rootdirectory: $WORK/registry/data}
  delete: {enabled: true}
http:
  addr: 127.0.0.1:$PORT
  secret: bench
  tls: {certificate: $WORK/registry/tls.crt, key: $WORK/registry/tls.key}
auth:
  htpasswd: {realm: bench, path: $WORK/registry/htpasswd}
EOF
docker-registry serve registry/config.yml > registry/log 2>&1 &
REGISTRY_PID=$!
trap 'kill $REGISTRY_PID 2> /dev/null || true; wait $REGISTRY_PID 2> /dev/null || true' EXIT
for _ in $(seq 1 100); do (echo > "/dev/tcp/127.0.0.1/$PORT") 2> /dev/null && break; sleep 0.1; done
HOST="127.0.0.1:$PORT"
SKOPEO_SRC=(--src-creds bench:bench-pass --src-cert-dir "$WORK/registry/certs")
SKOPEO_DEST=(--dest-creds bench:bench-pass --dest-cert-dir "$WORK/registry/certs")

# The seed artifact, and the same artifact as an OCI layout for skopeo's push.
"$TACK" push artifact "oci://$HOST/bench/seed:v1" --path tree --source bench --revision main@sha1:0 \
  --creds bench:bench-pass --ca-file "$WORK/registry/tls.crt" 2> /dev/null
rm -rf layout && skopeo copy -q "${SKOPEO_SRC[@]}" "docker://$HOST/bench/seed:v1" "oci:$WORK/layout:v1"
LAYER="$(du -m layout/blobs | tail -1 | cut -f1)"

# GNU time runs programs, not shell functions: each step is a small script. Pushes go to a fresh
# repository each time ($RANDOM), so the registry has none of the blobs.
step() { # name, then the script body
  printf '#!/usr/bin/env bash\nset -euo pipefail\ncd "%s"\n%s\n' "$WORK" "$2" > "$WORK/$1.sh"
  chmod +x "$WORK/$1.sh"
}
CREDS="--creds bench:bench-pass --ca-file $WORK/registry/tls.crt"
step tack_build "'$TACK' build artifact --path tree -o built.tgz"
step tack_push "'$TACK' push artifact oci://$HOST/bench/tack-\$RANDOM\$RANDOM:v1 --path tree --source bench --revision main@sha1:0 $CREDS"
# skopeo remembers where it has seen a blob (its blob-info cache) and would mount it from the seed
# repository instead of uploading it: the cache is cleared before each push so it uploads as tack does.
if [ "$(id -u)" = 0 ]; then BLOB_CACHE=/var/lib/containers/cache; else BLOB_CACHE="${XDG_DATA_HOME:-$HOME/.local/share}/containers/cache"; fi
step skopeo_push "rm -f $BLOB_CACHE/blob-info-cache-v1.*; skopeo copy -q ${SKOPEO_DEST[*]} oci:$WORK/layout:v1 docker://$HOST/bench/skopeo-\$RANDOM\$RANDOM:v1"
step tack_pull "rm -rf pulled && mkdir pulled && '$TACK' pull artifact oci://$HOST/bench/seed:v1 -o pulled $CREDS"
step skopeo_pull "rm -rf pulled-layout && skopeo copy -q ${SKOPEO_SRC[*]} docker://$HOST/bench/seed:v1 oci:$WORK/pulled-layout:v1"

echo "# $SIZE_MIB MiB tree (1,000 files), gzip layer $LAYER MiB, median of $REPS runs, tack = $TACK"
printf '| %-58s | %8s | %10s |\n' "command" "wall (s)" "RSS (KiB)"
printf '|%s|%s|%s|\n' "------------------------------------------------------------" "---------:" "-----------:"
bench_measure "tack build artifact (tar + gzip to a file)" "$WORK/tack_build.sh"; BUILD="$(cat last.median)"
bench_measure "tack push artifact (tar + gzip + upload)" "$WORK/tack_push.sh"; TPUSH="$(cat last.median)"
bench_measure "skopeo copy oci: → registry (upload only)" "$WORK/skopeo_push.sh"; SPUSH="$(cat last.median)"
bench_measure "tack pull artifact (download + gunzip + untar)" "$WORK/tack_pull.sh"; TPULL="$(cat last.median)"
bench_measure "skopeo copy registry → oci: (download only)" "$WORK/skopeo_pull.sh"; SPULL="$(cat last.median)"
bench_ratio "push: tack / skopeo" "$TPUSH" "$SPUSH"
bench_ratio "pull: tack / skopeo" "$TPULL" "$SPULL"
bench_ratio "push without the build share: (tack push - tack build) / skopeo" \
  "$(awk -v a="$TPUSH" -v b="$BUILD" 'BEGIN{split(a,x," "); split(b,y," "); print x[1]-y[1], x[2]}')" "$SPUSH"
