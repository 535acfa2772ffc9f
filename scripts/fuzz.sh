#!/usr/bin/env bash
# libFuzzer over SigilCore: Fuzz/*.swift compiled together with SigilCore's sources into ONE
# binary (coverage + AddressSanitizer), each target selected with SIGIL_FUZZ_TARGET.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     default: 30 s for every target in Fuzz/FuzzMain.swift
# A crash, a failed precondition or a hang (> 10 s on one input) fails the run; the reproducer is
# kept under .build-fuzz/artifacts/. Corpora persist in .build-fuzz/corpus-TARGET.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(sed -n 's/^ *"\([A-Za-z]*\)": fuzz.*/\1/p' Fuzz/FuzzMain.swift)
fi
out=.build-fuzz
binary="$out/sigil-fuzz"
mkdir -p "$out/artifacts"
# The HTTP response parser (SigilNet) is self-contained and joins SigilCore in the fuzz binary.
http_parser=Sources/SigilNet/Transport/HTTPResponseParser.swift
if [ ! -x "$binary" ] || [ -n "$(find Sources/SigilCore Fuzz "$http_parser" -name '*.swift' -newer "$binary" | head -1)" ]; then
    echo "fuzz: building $binary (SigilCore with coverage and ASan)" >&2
    # shellcheck disable=SC2046
    swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name SigilFuzz \
        -I Sources/CSecp256k1 -I Sources/COpenSSL -I Sources/CSodium \
        -lsecp256k1 -lcrypto -lsodium \
        $(find Sources/SigilCore Fuzz -name '*.swift' | sort) "$http_parser" -o "$binary"
fi
for target in "${targets[@]}"; do
    mkdir -p "$out/corpus-$target"
    echo "fuzz: $target for ${seconds}s" >&2
    if ! ASAN_OPTIONS=detect_leaks=0 SIGIL_FUZZ_TARGET="$target" "$binary" "$out/corpus-$target" -max_total_time="$seconds" -timeout=10 -detect_leaks=0 \
        -rss_limit_mb=2048 -artifact_prefix="$out/artifacts/$target-" -print_final_stats=1 > "$out/$target.log" 2>&1; then
        tail -n 40 "$out/$target.log" >&2
        echo "fuzz: $target FAILED (reproducer in $out/artifacts/)" >&2
        exit 1
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$target.log")
    echo "fuzz: $target: ${runs:-?} inputs in ${seconds}s, no crash"
done
