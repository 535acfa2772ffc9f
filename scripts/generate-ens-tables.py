#!/usr/bin/env python3
"""Generate Sources/SigilCore/ENS/ENSNormalizationTables.swift from the ENSIP-15 data.

Reads ens_normalize_spec.json and ens_normalize_nf.json (the ENSIP-15 reference data, kept in
../shared/vectors) and writes one Swift file holding every table as a few compact text literals,
which SigilCore decodes lazily on first use (huge Swift collection literals would stall the type
checker). Standard library only; the output depends on the inputs alone (byte-stable), and a test
(ENSNormalizationTablesTests) fails when the committed file differs from what this script writes.

Text format (all numbers lowercase hex; whitespace and newlines are ignored everywhere):
  set       ranges "gap" or "gap+extra" joined by ",": a range starts `gap` after the end of the
            previous range (the first after 0) and holds extra+1 code points
  map       entries "keygap:v.v.v" joined by ",": key = previous key + keygap (first from 0)
  sequences entries "v.v.v" joined by ","
  records   joined by ";", their fields joined by "|"
  segments  entries "gap[+extra]:i.i.i": a range as in a set, then the indices of the groups
            holding every code point of it

Usage: scripts/generate-ens-tables.py [--vectors DIR] [--out FILE]
"""

import argparse
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_VECTORS = os.path.join(ROOT, "..", "shared", "vectors")
DEFAULT_OUT = os.path.join(ROOT, "Sources", "SigilCore", "ENS", "ENSNormalizationTables.swift")

S0, L0, V0, T0 = 0xAC00, 0x1100, 0x1161, 0x11A7
L_COUNT, V_COUNT, T_COUNT = 19, 21, 28
N_COUNT = V_COUNT * T_COUNT
S_COUNT = L_COUNT * N_COUNT


def hx(value):
    return format(value, "x")


def encode_set(cps):
    """Sorted unique code points as gap/extra ranges."""
    out = []
    cursor = 0
    values = sorted(set(cps))
    i = 0
    while i < len(values):
        start = values[i]
        j = i
        while j + 1 < len(values) and values[j + 1] == values[j] + 1:
            j += 1
        token = hx(start - cursor)
        if j > i:
            token += "+" + hx(j - i)
        out.append(token)
        cursor = values[j] + 1
        i = j + 1
    return ",".join(out)


def encode_seq(cps):
    return ".".join(hx(cp) for cp in cps)


def encode_map(pairs):
    out = []
    previous = 0
    for key, values in sorted(pairs, key=lambda pair: pair[0]):
        out.append(hx(key - previous) + ":" + encode_seq(values))
        previous = key
    return ",".join(out)


def decomposer(nf):
    table = {cp: cps for cp, cps in nf["decomp"]}

    def full(cp):
        if S0 <= cp < S0 + S_COUNT:
            index = cp - S0
            out = [L0 + index // N_COUNT, V0 + (index % N_COUNT) // T_COUNT]
            if index % T_COUNT:
                out.append(T0 + index % T_COUNT)
            return out
        if cp in table:
            return [x for part in table[cp] for x in full(part)]
        return [cp]

    return full


def derive(spec, nf):
    """Tables that follow from the spec and are cheaper to compute here than at every start."""
    full = decomposer(nf)
    groups = spec["groups"]
    members = [set(g["primary"]) | set(g.get("secondary", [])) for g in groups]
    seen, multi = set(), set()
    for group in members:
        multi |= seen & group
        seen |= group
    valid = set(seen)
    for cp in seen:
        valid.update(full(cp))
    confused_all = set()
    wholes = []
    for whole in spec["wholes"]:
        confused = whole["confused"]
        confused_all.update(confused)
        extents = []  # [groups, cps], groups of cps that share a group are one extent
        for cp in list(whole["valid"]) + list(confused):
            gs = {i for i, group in enumerate(members) if cp in group}
            extent = next((e for e in extents if e[0] & gs), None)
            if extent is None:
                extent = [set(), []]
                extents.append(extent)
            extent[0] |= gs
            extent[1].append(cp)
        cover = set().union(*(e[0] for e in extents)) if extents else set()
        records = [(sorted(cover - e[0]), e[1]) for e in extents]
        wholes.append((confused, records))
    unique = seen - multi - confused_all
    owners = {}
    for index, group in enumerate(members):
        for cp in group:
            owners.setdefault(cp, []).append(index)
    segments = []  # [first, last, group indices]: runs of code points held by the same groups
    for cp in sorted(owners):
        if segments and segments[-1][1] == cp - 1 and segments[-1][2] == owners[cp]:
            segments[-1][1] = cp
        else:
            segments.append([cp, cp, owners[cp]])
    return valid, unique, wholes, segments


def encode_segments(segments):
    out = []
    cursor = 0
    for first, last, groups in segments:
        token = hx(first - cursor)
        if last > first:
            token += "+" + hx(last - first)
        out.append(token + ":" + encode_seq(groups))
        cursor = last + 1
    return ",".join(out)


def wrap(text, width=120):
    return "\n".join(text[i:i + width] for i in range(0, len(text), width)) or ""


def literal(name, text, doc):
    return f"    /// {doc}\n    static let {name} = \"\"\"\n{wrap(text)}\n\"\"\"\n"


def render(spec, nf, spec_bytes, nf_bytes):
    valid, unique, wholes, segments = derive(spec, nf)
    groups = []
    for g in spec["groups"]:
        flags = (1 if g.get("restricted") else 0) | (2 if "cm" in g else 0)
        groups.append("|".join([g["name"], hx(flags), encode_set(g["primary"]), encode_set(g.get("secondary", []))]))
    whole_records = []
    for confused, extents in wholes:
        parts = [encode_set(confused)]
        for complement, cps in extents:
            parts.append(encode_seq(complement) + ":" + encode_set(cps))
        whole_records.append("|".join(parts))
    fenced = ";".join(hx(cp) + "|" + name for cp, name in sorted(spec["fenced"]))
    sections = [
        ("ignored", encode_set(spec["ignored"]), "Ignored code points (set)."),
        ("mapped", encode_map(spec["mapped"]), "Mapped code points (map: code point to replacement)."),
        ("valid", encode_set(valid), "Every code point of some group plus their NFD parts (set): what tokenizing keeps."),
        ("combiningMarks", encode_set(spec["cm"]), "Combining marks (set)."),
        ("nonSpacingMarks", encode_set(spec["nsm"]), "Non-spacing marks (set)."),
        ("escaped", encode_set(spec["escape"]), "Code points shown escaped in messages (set)."),
        ("fenced", fenced, "Fenced code points (records: code point | name)."),
        ("emoji", ",".join(encode_seq(e) for e in sorted(spec["emoji"])), "Emoji sequences, fully qualified (sequences)."),
        ("groups", ";".join(groups), "Groups (records: name | flags 1 restricted, 2 combining marks whitelisted | primary set | secondary set)."),
        ("groupMembership", encode_segments(segments), "Which groups hold a code point (entries: gap/extra range as in a set : group indices)."),
        ("wholes", ";".join(whole_records), "Whole-script confusables (records: confused set | then per extent, complement group indices : extent set)."),
        ("uniqueNonConfusable", encode_set(unique), "Code points in exactly one group and confused with nothing (set)."),
        ("ranks", ";".join(encode_set(rank) for rank in nf["ranks"]), "Canonical combining class order: record i holds the code points of rank i + 1 (sets)."),
        ("exclusions", encode_set(nf["exclusions"]), "Composition exclusions (set)."),
        ("decompositions", encode_map(nf["decomp"]), "Canonical decompositions, one level (map)."),
    ]
    header = [
        "// GENERATED FILE - DO NOT EDIT.",
        "// Written by scripts/generate-ens-tables.py from ../shared/vectors/ens_normalize_spec.json and",
        "// ens_normalize_nf.json. Regenerate with: python3 scripts/generate-ens-tables.py",
        "// (options --vectors DIR, --out FILE). ENSNormalizationTablesTests fails when this file drifts.",
        f"// spec created {spec['created']}, unicode {spec['unicode']}, cldr {spec['cldr']}",
        f"// nf created {nf['created']}, unicode {nf['unicode']}",
        f"// spec sha256 {hashlib.sha256(spec_bytes).hexdigest()}",
        f"// nf sha256 {hashlib.sha256(nf_bytes).hexdigest()}",
        "",
        "/// The ENSIP-15 tables as compact text (format: scripts/generate-ens-tables.py), decoded by",
        "/// `ENSNormalizationData` on first use.",
        "enum ENSNormalizationTables {",
        f"    static let specCreated = \"{spec['created']}\"",
        f"    static let unicodeVersion = \"{spec['unicode']}\"",
        f"    static let cldrVersion = \"{spec['cldr']}\"",
        f"    static let nfCreated = \"{nf['created']}\"",
        f"    static let specSHA256 = \"{hashlib.sha256(spec_bytes).hexdigest()}\"",
        f"    static let nfSHA256 = \"{hashlib.sha256(nf_bytes).hexdigest()}\"",
        f"    static let maxNonSpacingMarks = {int(spec['nsm_max'])}",
        "",
    ]
    body = "\n".join(literal(name, text, doc) for name, text, doc in sections)
    return "\n".join(header) + "\n" + body + "}\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vectors", default=DEFAULT_VECTORS, help="folder with ens_normalize_spec.json and ens_normalize_nf.json")
    parser.add_argument("--out", default=DEFAULT_OUT, help="Swift file to write")
    args = parser.parse_args()
    with open(os.path.join(args.vectors, "ens_normalize_spec.json"), "rb") as handle:
        spec_bytes = handle.read()
    with open(os.path.join(args.vectors, "ens_normalize_nf.json"), "rb") as handle:
        nf_bytes = handle.read()
    text = render(json.loads(spec_bytes), json.loads(nf_bytes), spec_bytes, nf_bytes)
    with open(args.out, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
