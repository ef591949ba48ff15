#!/usr/bin/env bash
# Coverage-guided fuzzing of tack's parsers with libFuzzer (see FUZZING.md).
#
#   scripts/fuzz.sh --list                 the targets
#   scripts/fuzz.sh TARGET [SECONDS]       build (if needed) and fuzz TARGET for SECONDS (default 60)
#   scripts/fuzz.sh --runs N TARGET [SECONDS]  stop after N executions (or SECONDS, if sooner)
#   scripts/fuzz.sh --build [TARGET]       only build (all targets, or one)
#   scripts/fuzz.sh TARGET -- ARGS…        pass ARGS to libFuzzer (e.g. a crash file to reproduce it)
#
# The Fuzz/ package is built with `-sanitize=fuzzer,address` into .build-fuzz (ignored by Git). Each
# run copies the seeds (Fuzz/Seeds/TARGET, the test fixtures and the shared test data next to the
# project) into FUZZ_WORK (default .build-fuzz/work) and keeps the grown corpus and any crash there;
# nothing under FUZZ_WORK is committed. Everything runs under `nice -n 19` (override with NICE=).
# Leak detection is off: swift-crypto's X-Wing key import leaks a Data slice on every call (not
# tack's code), and a one-time static like the test identities would be reported the same way.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
SWIFT="${SWIFT:-swift}"
NICE="${NICE-nice -n 19}"
SHARED="${TACK_SHARED:-$ROOT/../shared}"
WORK="${FUZZ_WORK:-$ROOT/.build-fuzz/work}"
SCRATCH="$ROOT/.build-fuzz"
BUILD_FLAGS=(-c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing
  --scratch-path "$SCRATCH")

# target  executable  max_len
TARGETS="
json            FuzzJSON          4096
yaml            FuzzYAML          8192
kubeconfig      FuzzKubeconfig    8192
sops-yaml       FuzzSopsYAML      8192
sops-json       FuzzSopsJSON      8192
sops-config     FuzzSopsConfig    4096
age             FuzzAge           8192
age-header      FuzzAgeHeader     4096
age-armor       FuzzAgeArmor      8192
age-stream      FuzzAgeStream     4096
bech32          FuzzBech32        512
openssh-key     FuzzOpenSSHKey    8192
known-hosts     FuzzKnownHosts    4096
pem             FuzzPEM           8192
git-url         FuzzGitURL        1024
go-duration     FuzzGoDuration    256
rfc3339         FuzzRFC3339       256
flagger-event   FuzzFlaggerEvent  2048
tables          FuzzTables        8192
"

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
lookup() { awk -v t="$1" '$1 == t { print $2, $3 }' <<<"$TARGETS"; }

build() {
  local product=()
  [ -n "${1:-}" ] && product=(--product "$1")
  (cd Fuzz && $NICE "$SWIFT" build "${BUILD_FLAGS[@]}" "${product[@]}")
}

# Copies every file matching the patterns under the directories into $1, skipping big ones.
copy_seeds() {
  local into="$1"; shift
  local dir pattern
  for dir in "$@"; do
    [ -d "${dir%%:*}" ] || continue
    pattern="${dir#*:}"
    find "${dir%%:*}" -type f -name "$pattern" -size -64k -exec cp -t "$into" {} + 2>/dev/null || true
  done
}

# The body of each age test vector (the part after the first blank line).
age_vectors() {
  local into="$1" filter="${2:-*}" vector
  [ -d "$SHARED/testdata/secrets/age-testkit" ] || return 0
  for vector in "$SHARED"/testdata/secrets/age-testkit/$filter; do
    perl -0777 -ne 'print $1 if /\A.*?\n\n(.*)\z/s' "$vector" > "$into/$(basename "$vector")"
  done
}

# Fresh OpenSSH keys (plain and passphrase "fuzz" with 4 bcrypt rounds), as text and as the binary
# container, and known_hosts lines for their public halves.
ssh_keys() {
  local into="$1" kind="$2" tmp type
  command -v ssh-keygen >/dev/null || return 0
  tmp="$(mktemp -d)"
  for type in ed25519 ecdsa "rsa -b 1024"; do
    local name="${type%% *}"
    # shellcheck disable=SC2086
    ssh-keygen -q -t $type -N "" -C "fuzz@$name" -f "$tmp/$name" </dev/null
    # shellcheck disable=SC2086
    ssh-keygen -q -t $type -N fuzz -a 4 -f "$tmp/$name-enc" </dev/null
  done
  if [ "$kind" = key ]; then
    for key in "$tmp"/*; do
      case "$key" in *.pub) continue ;; esac
      cp "$key" "$into/$(basename "$key").pem"
      grep -v -- '-----' "$key" | base64 -d > "$into/$(basename "$key").bin"
    done
  else
    for name in ed25519 ecdsa rsa; do
      local pub; pub="$(cut -d' ' -f1,2 "$tmp/$name.pub")"
      printf 'github.com,192.0.2.1 %s\n[example.com]:2222 %s comment\n@cert-authority *.example.com %s\n' \
        "$pub" "$pub" "$pub" > "$into/$name"
      printf 'example.com %s\n' "$pub" > "$tmp/hosts-$name"
      ssh-keygen -q -H -f "$tmp/hosts-$name" >/dev/null 2>&1 && cp "$tmp/hosts-$name" "$into/$name-hashed"
    done
  fi
  rm -rf "$tmp"
}

seeds() {
  local target="$1" into="$2" fixtures="$ROOT/Tests" data="$SHARED/testdata/secrets"
  rm -rf "$into"; mkdir -p "$into"
  [ -d "Fuzz/Seeds/$target" ] && cp -r "Fuzz/Seeds/$target/." "$into/"
  case "$target" in
    json) copy_seeds "$into" "$fixtures:*.json" "$data:*.json" ;;
    yaml) copy_seeds "$into" "$fixtures:*.yaml" "$data:*.yaml" "$SHARED/manifests:*.yaml" ;;
    kubeconfig) copy_seeds "$into" "$fixtures/TackKubeTests/Fixtures:*" ;;
    sops-yaml) copy_seeds "$into" "$data/sops:*.yaml" ;;
    sops-json) copy_seeds "$into" "$data/sops:*.json" ;;
    sops-config) copy_seeds "$into" "$data/sops:sops-config.yaml" ;;
    age | age-header) age_vectors "$into" ;;
    age-armor) age_vectors "$into" 'armor*' ;;
    bech32) grep -rhoE 'age1[0-9a-z]{58}' "$data" 2>/dev/null | sort -u | head -20 |
      while read -r key; do printf '%s' "$key" > "$into/$key"; done ;;
    openssh-key) ssh_keys "$into" key ;;
    known-hosts) ssh_keys "$into" hosts ;;
    pem)
      copy_seeds "$into" "$data/sealed-secrets:*.crt" "$data/sealed-secrets:*.key" "$fixtures:*.crt"
      if command -v openssl >/dev/null && [ -f "$data/sealed-secrets/tls.crt" ]; then
        openssl x509 -in "$data/sealed-secrets/tls.crt" -outform der -out "$into/tls.der" 2>/dev/null || true
      fi ;;
    tables) copy_seeds "$into" "$fixtures/TackCoreTests/Get/Fixtures:*.yaml" "$fixtures/TackCoreTests/Canary/Fixtures:*.json" ;;
  esac
  # libFuzzer only reads files; an empty seed set still works (it starts from nothing).
  find "$into" -type f | wc -l
}

identities() {
  local file="$WORK/identities.txt"
  mkdir -p "$WORK"
  : > "$file"
  chmod 600 "$file"
  grep -h '^AGE-SECRET-KEY' "$SHARED/testdata/secrets/sops/age-key.txt" >> "$file" 2>/dev/null || true
  grep -ah '^identity: ' "$SHARED"/testdata/secrets/age-testkit/* 2>/dev/null | cut -d' ' -f2 | sort -u >> "$file" || true
  echo "$file"
}

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
# libFuzzer and ASan report a crash themselves; Swift's backtracer would race them for the stack.
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"

RUNS=""
case "${1:-}" in
  "" | -h | --help) usage ;;
  --list) awk 'NF { print $1 }' <<<"$TARGETS"; exit 0 ;;
  --build)
    if [ -n "${2:-}" ]; then set -- $(lookup "$2"); build "$1"; else build; fi
    exit 0 ;;
  --runs) RUNS="$2"; shift 2 ;;
esac

TARGET="$1"; shift
read -r EXECUTABLE MAX_LEN <<<"$(lookup "$TARGET")" || true
[ -n "${EXECUTABLE:-}" ] || { echo "unknown target '$TARGET'; see scripts/fuzz.sh --list" >&2; exit 2; }
SECONDS_BUDGET=""
if [ $# -gt 0 ] && [ "$1" != "--" ]; then SECONDS_BUDGET="$1"; shift; fi
[ -z "$SECONDS_BUDGET" ] && [ -z "$RUNS" ] && SECONDS_BUDGET=60
[ "${1:-}" = "--" ] && shift

# FUZZ_BUILD=0 skips the (incremental, but not free) build check, for a campaign of many runs.
[ "${FUZZ_BUILD:-1}" = 0 ] || build "$EXECUTABLE" >&2
BIN="$SCRATCH/release"
[ -x "$BIN/$EXECUTABLE" ] || BIN="$(cd Fuzz && "$SWIFT" build "${BUILD_FLAGS[@]}" --show-bin-path)"
CORPUS="$WORK/corpus/$TARGET"
SEEDS="$WORK/seeds/$TARGET"
ARTIFACTS="$WORK/artifacts/$TARGET"
mkdir -p "$CORPUS" "$ARTIFACTS"
echo "seeds: $(seeds "$TARGET" "$SEEDS")" >&2
export TACK_FUZZ_IDENTITIES="$(identities)"

LIMIT=()
[ -n "$SECONDS_BUDGET" ] && LIMIT+=(-max_total_time="$SECONDS_BUDGET")
[ -n "$RUNS" ] && LIMIT+=(-runs="$RUNS")
if [ $# -gt 0 ]; then
  # Explicit arguments (a crash file, -runs=…): run exactly those.
  exec $NICE "$BIN/$EXECUTABLE" -max_len="$MAX_LEN" -rss_limit_mb=2048 -detect_leaks=0 "$@"
fi
exec $NICE "$BIN/$EXECUTABLE" -max_len="$MAX_LEN" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 -print_final_stats=1 \
  -artifact_prefix="$ARTIFACTS/" "${LIMIT[@]}" "$CORPUS" "$SEEDS"
