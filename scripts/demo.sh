#!/usr/bin/env bash
# `make demo`: what a user sees, end to end, with the built binaries.
set -euo pipefail
bin="${SIGIL_BIN_DIR:?set by make}"
sigil="$bin/sigil"
signer="$bin/sigil-signer"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

step() { printf '\n$ %s\n' "$*"; }

# A throwaway key: private key 1 (a public test key; never send funds to it).
umask 077
printf '0x%064x\n' 1 > "$work/key.hex"

step sigil --version
"$sigil" --version

step sigil key inspect --private-key-file key.hex
"$sigil" key inspect --private-key-file "$work/key.hex"

step "sigil-signer address --private-key-file - < key.hex"
"$signer" address --private-key-file - < "$work/key.hex"

step sigil units 1.5ether
"$sigil" units 1.5ether

step sigil units 30gwei --to ether
"$sigil" units 30gwei --to ether

step "sigil hash keccak 'transfer(address,uint256)'"
"$sigil" hash keccak 'transfer(address,uint256)'

step sigil hash keccak 0xdeadbeef --json
"$sigil" hash keccak 0xdeadbeef --json

step "sigil units 1.0000000000000000001ether   # more decimals than ether has: refused"
"$sigil" units 1.0000000000000000001ether || echo "(exit code $?)"
