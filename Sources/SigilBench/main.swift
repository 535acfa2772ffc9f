import Glibc
// SigilBench: Sigil's hot paths against C baselines, measured in the same process.
// Usage: SigilBench [--json] [--filter AREA]...   (release builds only; `make bench` runs it)
//
// Each area lives in its own file and returns its rows; add an area with one line below.
let areas: [(name: String, rows: () -> [BenchRow])] = [
    ("keccak", KeccakBench.rows),
    ("secp256k1", Secp256k1Bench.rows),
    ("keystore", KeystoreBench.rows),
    ("vanity", VanityBench.rows),
    ("txbatch", TxBatchBench.rows),
    ("p2p", P2PBench.rows),
    ("chain", ChainBench.rows),
    ("abi", AbiBench.rows),
]

func usageError(_ message: String) -> Never {
    let line = "SigilBench: \(message)\n"
    _ = line.withCString { write(2, $0, strlen($0)) }
    exit(2)
}

var json = false
var filters = [String]()
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--json": json = true
    case "--filter":
        guard let area = arguments.popFirst() else { usageError("--filter needs an area name") }
        filters.append(area)
    case "-h", "--help":
        print("usage: SigilBench [--json] [--filter AREA]...  areas: " + areas.map(\.name).joined(separator: ", "))
        exit(0)
    default:
        usageError("unknown argument \(argument)")
    }
}

for name in filters where !areas.contains(where: { $0.name == name }) {
    usageError("no area \(name); areas: " + areas.map(\.name).joined(separator: ", "))
}

var rows = [BenchRow]()
for area in areas where filters.isEmpty || filters.contains(area.name) {
    rows += area.rows()
}
print(json ? Report.json(rows) : Report.table(rows))
