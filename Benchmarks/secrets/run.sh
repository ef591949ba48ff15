#!/usr/bin/env bash
# Benchmarks for `tack secrets` against the reference tools, in the same run:
#   1. age encrypt / decrypt of a 256 MiB file: `tack secrets age` vs the `age` binary
#      (median of 5 runs each, throughput and peak RSS from /usr/bin/time -v);
#   2. SOPS encryption of a Secret with 1,000 keys: `tack secrets encrypt` vs `sops encrypt`
#      (median of 5 runs each).
# Needs: a release build (`swift build -c release --product tack`), age/age-keygen (apt), GNU time
# (apt: time), and sops from $TACK_ORACLE_VENV (scripts/install-deps.sh) or on PATH.
# Usage: Benchmarks/secrets/run.sh [SIZE_MIB] [RUNS]   (defaults 256 and 5)
set -euo pipefail
cd "$(dirname "$0")/../.."

SIZE_MIB="${1:-256}"
RUNS="${2:-5}"
TACK="${TACK:-$PWD/.build/release/tack}"
SOPS="${SOPS:-${TACK_ORACLE_VENV:-$PWD/.venv-oracles}/bin/sops}"
[ -x "$SOPS" ] || SOPS="$(command -v sops || true)"
WORK="$PWD/Benchmarks/.work/secrets"
export SOPS_DISABLE_VERSION_CHECK=1

for tool in "$TACK" "$(command -v age)" "$(command -v age-keygen)" /usr/bin/time; do
  [ -x "$tool" ] || { echo "missing: $tool (see the header of $0)" >&2; exit 1; }
done
mkdir -p "$WORK"
cd "$WORK"

if [ ! -f key.txt ]; then age-keygen -o key.txt 2>/dev/null; fi
RECIPIENT="$(age-keygen -y key.txt)"
if [ ! -f "plain-$SIZE_MIB.bin" ] || [ "$(stat -c %s "plain-$SIZE_MIB.bin")" != "$((SIZE_MIB * 1048576))" ]; then
  head -c "$((SIZE_MIB * 1048576))" /dev/urandom > "plain-$SIZE_MIB.bin"
fi
PLAIN="plain-$SIZE_MIB.bin"

# One timed run: prints "<seconds> <peak RSS KiB>".
measure() {
  /usr/bin/time -f "%e %M" -o time.out "$@" > /dev/null
  cat time.out
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

declare -A TIMES RSS
record() { # name, then the command
  local name="$1"; shift
  read -r seconds kib < <(measure "$@")
  TIMES[$name]+="$seconds "
  RSS[$name]="$(( ${RSS[$name]:-0} > kib ? ${RSS[$name]:-0} : kib ))"
}

# Ciphertexts for the decrypt runs, made once by each tool.
age -r "$RECIPIENT" -o age.age "$PLAIN"
"$TACK" secrets age encrypt -r "$RECIPIENT" -o tack.age "$PLAIN"

# Interleave the tools so background load affects both alike. Output to /dev/null measures the
# tools themselves; output to a new file (deleted before each run) adds the page cache and disk.
for _ in $(seq "$RUNS"); do
  record age-encrypt age -r "$RECIPIENT" -o /dev/null "$PLAIN"
  record tack-encrypt "$TACK" secrets age encrypt -r "$RECIPIENT" -o /dev/null "$PLAIN"
  record age-decrypt age -d -i key.txt -o /dev/null age.age
  record tack-decrypt "$TACK" secrets age decrypt -i key.txt -o /dev/null tack.age
  rm -f out-age.age out-tack.age out-age.bin out-tack.bin; sync
  record age-encrypt-file age -r "$RECIPIENT" -o out-age.age "$PLAIN"
  record tack-encrypt-file "$TACK" secrets age encrypt -r "$RECIPIENT" -o out-tack.age "$PLAIN"
  record age-decrypt-file age -d -i key.txt -o out-age.bin age.age
  record tack-decrypt-file "$TACK" secrets age decrypt -i key.txt -o out-tack.bin tack.age
done
cmp -s out-tack.bin "$PLAIN" || { echo "tack decrypt produced wrong output" >&2; exit 1; }
cmp -s out-age.bin "$PLAIN" || { echo "age decrypt produced wrong output" >&2; exit 1; }

# A Secret with 1,000 keys.
{
  echo "apiVersion: v1"; echo "kind: Secret"; echo "metadata:"; echo "  name: big"; echo "  namespace: default"
  echo "type: Opaque"; echo "stringData:"
  for i in $(seq 1000); do echo "  key-$i: $(head -c 24 /dev/urandom | base64 | tr -d '/+=')"; done
} > secret-1000.yaml
if [ -x "$SOPS" ]; then
  for _ in $(seq "$RUNS"); do
    record sops-encrypt "$SOPS" encrypt --age "$RECIPIENT" --encrypted-regex '^(data|stringData)$' secret-1000.yaml
    record tack-sops-encrypt "$TACK" secrets encrypt --age "$RECIPIENT" --encrypted-regex '^(data|stringData)$' secret-1000.yaml
  done
fi

echo "# tack secrets benchmark — $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, ${SIZE_MIB} MiB, median of $RUNS"
printf "| %-18s | %10s | %12s | %14s |\n" "run" "median s" "MiB/s" "peak RSS MiB"
printf "|%s|%s|%s|%s|\n" "--------------------" "------------" "--------------" "----------------"
for name in age-encrypt tack-encrypt age-decrypt tack-decrypt age-encrypt-file tack-encrypt-file age-decrypt-file \
  tack-decrypt-file sops-encrypt tack-sops-encrypt; do
  [ -n "${TIMES[$name]:-}" ] || continue
  m="$(echo "${TIMES[$name]}" | tr ' ' '\n' | grep -v '^$' | median)"
  if [[ "$name" == *sops* ]]; then rate="-"; else rate="$(awk -v s="$SIZE_MIB" -v t="$m" 'BEGIN { printf "%.0f", (t > 0 ? s / t : 0) }')"; fi
  printf "| %-18s | %10s | %12s | %14s |\n" "$name" "$m" "$rate" "$(awk -v k="${RSS[$name]}" 'BEGIN { printf "%.1f", k / 1024 }')"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
med() { echo "${TIMES[$1]}" | tr ' ' '\n' | grep -v '^$' | median; }
echo
echo "tack/age throughput, encrypt: $(ratio "$(med age-encrypt)" "$(med tack-encrypt)")x, decrypt: $(ratio "$(med age-decrypt)" "$(med tack-decrypt)")x (target >= 0.9)"
echo "  with file output, encrypt: $(ratio "$(med age-encrypt-file)" "$(med tack-encrypt-file)")x, decrypt: $(ratio "$(med age-decrypt-file)" "$(med tack-decrypt-file)")x"
if [ -n "${TIMES[sops-encrypt]:-}" ]; then
  echo "tack/sops time, encrypt 1,000 keys: $(ratio "$(med tack-sops-encrypt)" "$(med sops-encrypt)")x (target <= 0.5)"
fi
rm -f out-age.age out-tack.age out-age.bin out-tack.bin time.out
