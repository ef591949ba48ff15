#!/usr/bin/env bash
# The README's first command (`make demo`): build tack, start a local Kubernetes API server, an HTTPS
# Git server holding an empty "fleet" repository, and doubles that play Flux's controllers
# (tack-demo-server, test support only), bootstrap Flux into them with tack, show the result, and
# stop everything. Nothing leaves 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT="${SWIFT:-swift}"
echo "==> building tack and tack-demo-server (the first build takes several minutes)"
"$SWIFT" build --quiet --product tack
"$SWIFT" build --quiet --product tack-demo-server
BIN="$("$SWIFT" build --show-bin-path)"
export PATH="$BIN:$PATH"
FLUX_VERSION="v2.9.4"

STATE="$(mktemp -d "${TMPDIR:-/tmp}/tack-demo.XXXXXX")"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$STATE"
}
trap cleanup EXIT

export HOME="$STATE/home" XDG_CACHE_HOME="$STATE/home/.cache"
mkdir -p "$HOME"

# The Flux bundle the demo server offers: the project's reference copy when it sits next to the
# checkout, otherwise the release's install.yaml, downloaded (checksum verified) by tack itself.
BUNDLE="${TACK_SHARED_DIR:-../shared}/manifests/$FLUX_VERSION"
if [ ! -f "$BUNDLE/install.yaml" ]; then
  echo "==> downloading the Flux $FLUX_VERSION manifests"
  tack install --export --version "$FLUX_VERSION" >/dev/null
  BUNDLE="$XDG_CACHE_HOME/tack/manifests/$FLUX_VERSION"
fi

echo "==> starting the test API server, the HTTPS Git server and the Flux doubles"
tack-demo-server --state-dir "$STATE/server" --git-password "demo-s3cret" --manifests-from "$BUNDLE" \
  >"$STATE/server.out" 2>"$STATE/server.err" &
SERVER_PID=$!
for _ in $(seq 1 600); do
  grep -q '^ready ' "$STATE/server.out" 2>/dev/null && break
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "tack-demo-server exited:" >&2
    cat "$STATE/server.err" >&2
    exit 1
  fi
  sleep 0.1
done
READY="$(grep '^ready ' "$STATE/server.out")" || { echo "tack-demo-server did not start" >&2; exit 1; }
field() { printf '%s\n' "$READY" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
export KUBECONFIG="$(field kubeconfig)"
GIT_URL="$(field git-url)"
GIT_CA="$(field git-ca)"
MANIFESTS="$(field manifests)"

run() {
  { printf '\n$'; printf ' %q' "$@"; printf '\n'; } | sed "s#$STATE#\$STATE#g"
  "$@"
}

run tack bootstrap git --url "$GIT_URL" --ca-file "$GIT_CA" --token-auth -u git -p demo-s3cret \
  --path clusters/demo --manifests "$MANIFESTS" --timeout 2m
run tack get all
run tack check
REPO="$STATE/server/git/fleet.git"
run git --git-dir "$REPO" log --format='%h %an: %s' main
run git --git-dir "$REPO" ls-tree -r --name-only main
echo
echo "==> done: the fleet repository holds Flux's manifests and the cluster syncs from it"
