#!/usr/bin/env bash
# Builds and runs libFuzzer targets over SigilCore (Fuzz/<Target>.swift compiled together with
# SigilCore's sources, with coverage and AddressSanitizer).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     default: 30 s, every target in Fuzz/
# A crash, a failed precondition or a hang (> 10 s per input) fails the run; the reproducer is
# kept under .build-fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for f in Fuzz/Fuzz*.swift; do targets+=("$(basename "$f" .swift | sed s/^Fuzz//)"); done
fi
out=.build-fuzz
mkdir -p "$out/artifacts"
sources=$(find Sources/SigilCore -name '*.swift' | sort)
for target in "${targets[@]}"; do
    binary="$out/fuzz-$target"
    if [ ! -x "$binary" ] || [ -n "$(find Sources/SigilCore "Fuzz/Fuzz$target.swift" -newer "$binary" -name '*.swift' | head -1)" ]; then
        echo "fuzz: building $target" >&2
        swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name "Fuzz$target" \
            -I Sources/CSecp256k1 -I Sources/COpenSSL -I Sources/CSodium \
            -lsecp256k1 -lcrypto -lsodium \
            $sources "Fuzz/Fuzz$target.swift" -o "$binary"
    fi
    mkdir -p "$out/corpus-$target"
    echo "fuzz: running $target for ${seconds}s" >&2
    "$binary" "$out/corpus-$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$out/artifacts/$target-" -print_final_stats=1 2>&1 | tail -n 12
    echo "fuzz: $target: no crash in ${seconds}s"
done
