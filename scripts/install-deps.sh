#!/usr/bin/env bash
# Installs the Debian packages Sigil builds and tests with, once; idempotent.
set -euo pipefail
packages=(libsecp256k1-dev libssl-dev libsodium-dev libcurl4-openssl-dev pkg-config zsh fish mandoc "$@")
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
