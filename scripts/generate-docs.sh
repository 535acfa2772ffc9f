#!/usr/bin/env bash
# Regenerates the shell completions (completions/) and man pages (man/) of `sigil` and
# `sigil-signer` from the commands themselves. Never edit those files by hand: re-run this
# after adding or changing a command, and commit the result (a test fails when they drift).
#
#   scripts/generate-docs.sh            build (debug), then write completions/ and man/
#   scripts/generate-docs.sh --out DIR  write DIR/completions and DIR/man instead (no build
#                                       when SIGIL_BIN_DIR and GENERATE_MANUAL are given)
#
# Environment: SIGIL_BIN_DIR (the built binaries; default: build and use the debug bin dir),
# GENERATE_MANUAL (swift-argument-parser's generate-manual tool; default: `swift build --product
# generate-manual`, the tool behind its generate-manual plugin). Offline: everything comes from the package and its checkouts.
# Output is reproducible: the man pages carry a fixed date.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root"
if [ "${1:-}" = "--out" ]; then out="$2"; shift 2; fi
[ $# -eq 0 ] || { echo "usage: $0 [--out DIR]" >&2; exit 64; }
swift="${SWIFT:-swift}"
manual_date="2026-01-01"
tools=(sigil sigil-signer)

cd "$root"
if [ -z "${SIGIL_BIN_DIR:-}" ]; then
    "$swift" build --product sigil >&2
    "$swift" build --product sigil-signer >&2
    SIGIL_BIN_DIR="$("$swift" build --show-bin-path)"
fi
if [ -z "${GENERATE_MANUAL:-}" ]; then
    # swift-argument-parser's generate-manual tool: the one its GenerateManual plugin runs
    # (`swift package plugin generate-manual`), built directly so that it runs on the binaries
    # chosen above and the output goes where we want it.
    "$swift" build --product generate-manual >&2
    GENERATE_MANUAL="$("$swift" build --show-bin-path)/generate-manual"
fi
[ -x "$GENERATE_MANUAL" ] || { echo "generate-manual tool not found at $GENERATE_MANUAL" >&2; exit 1; }

# Completions: bash (file named after the command, as bash-completion loads it), zsh (_name), fish.
mkdir -p "$out/completions"
for tool in "${tools[@]}"; do
    "$SIGIL_BIN_DIR/$tool" --generate-completion-script bash >"$out/completions/$tool.bash"
    "$SIGIL_BIN_DIR/$tool" --generate-completion-script zsh >"$out/completions/_$tool"
    "$SIGIL_BIN_DIR/$tool" --generate-completion-script fish >"$out/completions/$tool.fish"
done

# Man pages: one page per command (section 1), then the exit-code table of the root command's
# help becomes a real EXIT STATUS section in the top-level pages.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
rm -rf "$out/man"
mkdir -p "$out/man/man1"
# generate-manual drops every character outside ASCII (an example's "…" would vanish), so it
# reads each tool through a wrapper that writes those characters as ASCII placeholders
# (@@U2026@@); below they become mdoc's \[u2026] escapes, which man renders as the character.
mkdir -p "$tmp/bin" "$tmp/pages"
for tool in "${tools[@]}"; do
    cat >"$tmp/bin/$tool" <<WRAPPER
#!/usr/bin/env bash
set -o pipefail
"$SIGIL_BIN_DIR/$tool" "\$@" | perl -CS -pe 's/([^\\x00-\\x7f])/sprintf("\\@\\@U%04X\\@\\@", ord(\$1))/ge'
WRAPPER
    chmod +x "$tmp/bin/$tool"
    "$GENERATE_MANUAL" "$tmp/bin/$tool" --multi-page --date "$manual_date" --section 1 \
        --output-directory "$tmp/pages" >&2
done
# In every page the DESCRIPTION (the command's discussion text) is made proper mdoc: blank
# lines become paragraph breaks and indented lines (examples) literal displays. In the two
# top-level pages, the "Exit status:" table (ExitStatus.helpTable) moves into EXIT STATUS.
for page in "$tmp"/pages/*.1; do
    name="$(basename "$page")"
    awk '
        function closeliteral() { if (literal) { print ".Ed"; literal = 0 } }
        /^\.Sh DESCRIPTION$/ { indesc = 1; print; next }
        indesc && /^\./ { closeliteral(); indesc = 0 }
        indesc && /^Exit status:$/ { intable = 1; next }
        indesc && intable && /^  [0-9]+ / {
            code = $1; sub(/^  [0-9]+ +/, ""); codes[++n] = code; text[n] = $0; next
        }
        indesc { intable = 0 }
        indesc && /^$/ { closeliteral(); pendingpp = 1; next }
        indesc && /^  / {
            if (pendingpp) { print ".Pp"; pendingpp = 0 }
            if (!literal) { print ".Bd -literal -offset indent"; literal = 1 }
            sub(/^  /, ""); print; next
        }
        indesc {
            closeliteral()
            if (pendingpp) { print ".Pp"; pendingpp = 0 }
            print; next
        }
        /^\.Ex -std$/ && n > 0 {
            print "The exit status tells what happened; scripts may rely on these numbers:"
            print ".Bl -tag -width 4n -compact"
            for (i = 1; i <= n; i++) { print ".It " codes[i]; print text[i] }
            print ".El"
            next
        }
        { print }
    ' "$page" | perl -pe 's/\@\@U([0-9A-F]{4,6})\@\@/\\[u$1]/g' >"$out/man/man1/$name"
done
echo "wrote $out/completions and $out/man/man1 ($(ls "$out/man/man1" | wc -l) pages)" >&2
