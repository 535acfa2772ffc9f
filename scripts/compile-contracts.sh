#!/usr/bin/env bash
# Compiles the test contracts (Tests/Support/contracts/*.vy) with the venv's Vyper into JSON
# artifacts the dev node deploys from, so that tests need no compiler and no network.
#
#   scripts/compile-contracts.sh [OUT_DIR]     # default: Tests/Support/contracts/build
#
# Each <Name>.json holds: contractName, compiler (Vyper's version), sourceSha256 (of the .vy
# file), abi, bytecode (creation code, 0x-hex), deployedBytecode (runtime code, 0x-hex),
# methodIdentifiers. The output is deterministic: the same sources and compiler give the same
# bytes (ContractArtifactsTests recompiles into a temporary directory and compares).
# The compiler is $SIGIL_VYPER, else the project's .venv/bin/vyper (pinned in
# Tests/Oracles/requirements.txt); the JSON is written by $SIGIL_PYTHON, else .venv/bin/python.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
vyper="${SIGIL_VYPER:-$root/.venv/bin/vyper}"
python="${SIGIL_PYTHON:-$root/.venv/bin/python}"
sources="$root/Tests/Support/contracts"
out="${1:-$sources/build}"

[[ -x "$vyper" ]] || { echo "compile-contracts: no vyper at $vyper (make venv)" >&2; exit 3; }
mkdir -p "$out"
cd "$sources"  # relative source paths: the output does not depend on where the tree lives
for source in *.vy; do
    name="${source%.vy}"
    "$vyper" -f combined_json "$source" > "$out/$name.combined.tmp"
    "$vyper" -f method_identifiers "$source" > "$out/$name.ids.tmp"
    "$python" - "$source" "$name" "$out" <<'PY'
import hashlib, json, sys
source, name, out = sys.argv[1:4]
with open(f"{out}/{name}.combined.tmp") as f:
    combined = json.load(f)
with open(f"{out}/{name}.ids.tmp") as f:
    ids = json.load(f)
with open(source, "rb") as f:
    digest = hashlib.sha256(f.read()).hexdigest()
compiled = combined[source]
artifact = {
    "contractName": name,
    "source": source,
    "compiler": "vyper " + combined["version"],
    "sourceSha256": digest,
    "abi": compiled["abi"],
    "bytecode": compiled["bytecode"],
    "deployedBytecode": compiled["bytecode_runtime"],
    "methodIdentifiers": {sig: "0x" + int(sel, 16).to_bytes(4, "big").hex() for sig, sel in ids.items()},
}
with open(f"{out}/{name}.json", "w") as f:
    json.dump(artifact, f, indent=2, sort_keys=True)
    f.write("\n")
PY
    rm -f "$out/$name.combined.tmp" "$out/$name.ids.tmp"
done
echo "compiled $(ls "$sources"/*.vy | wc -l) contracts into $out"
