#!/usr/bin/env bash
# Installs the Debian packages Sigil builds, tests, demos and benchmarks with, once; idempotent.
# Beyond the libraries: python3-venv (the .venv oracles and the devnode), curl (scripts/devnode.sh
# polls the node with it), time (/usr/bin/time in scripts/bench_network.sh), gcc (cc -O2 for the
# C baselines of scripts/bench.sh), zsh, fish and mandoc (the completion and man page checks).
set -euo pipefail
packages=(libsecp256k1-dev libssl-dev libsodium-dev libcurl4-openssl-dev pkg-config python3-venv curl time gcc
          zsh fish mandoc "$@")
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing Debian packages: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
