/// Unicode canonical normalization (NFD and NFC) from the ENSIP-15 `nf` tables, so that names
/// normalize the same way whatever Unicode version the platform's own libraries implement.
///
/// Decomposition applies the one-level canonical decompositions recursively (Hangul syllables
/// algorithmically), then puts combining marks in canonical order by their rank; composition
/// joins a starter with the following marks or starter it is not blocked from, skipping the
/// composition exclusions (UAX #15).
public enum ENSNormalForm {
    /// The canonical decomposition (NFD) of `text`.
    public static func nfd(_ text: String) -> String {
        string(nfd(text.unicodeScalars.map(\.value)))
    }

    /// The canonical composition (NFC) of `text`.
    public static func nfc(_ text: String) -> String {
        string(nfc(text.unicodeScalars.map(\.value)))
    }

    static func nfd(_ codePoints: [UInt32]) -> [UInt32] {
        ENSNormalFormTables.shared.decomposed(codePoints).map { $0.codePoint }
    }

    static func nfc(_ codePoints: [UInt32]) -> [UInt32] {
        let tables = ENSNormalFormTables.shared
        return tables.composed(tables.decomposed(codePoints))
    }

    static func string(_ codePoints: [UInt32]) -> String {
        var out = String.UnicodeScalarView()
        for value in codePoints {
            out.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(out)
    }
}

/// A decomposed code point with its canonical ordering rank (0 for starters).
struct ENSRankedCodePoint {
    var codePoint: UInt32
    var rank: UInt8
}

/// The decoded `nf` tables and the two halves of normalization.
final class ENSNormalFormTables: Sendable {
    static let shared = ENSNormalFormTables()

    private let ranks: [UInt32: UInt8]
    private let decompositions: [UInt32: [UInt32]]
    private let compositions: [UInt64: UInt32]

    private static let sBase: UInt32 = 0xAC00, lBase: UInt32 = 0x1100, vBase: UInt32 = 0x1161, tBase: UInt32 = 0x11A7
    private static let lCount: UInt32 = 19, vCount: UInt32 = 21, tCount: UInt32 = 28
    private static let nCount = vCount * tCount
    private static let sCount = lCount * nCount

    private init() {
        var ranks: [UInt32: UInt8] = [:]
        for (index, record) in ENSTableText(ENSNormalizationTables.ranks).parts(";").enumerated() {
            for codePoint in record.codePointSet.codePoints { ranks[codePoint] = UInt8(index + 1) }
        }
        let exclusions = ENSTableText(ENSNormalizationTables.exclusions).codePointSet
        let decompositions = ENSTableText(ENSNormalizationTables.decompositions).codePointMap
        var compositions: [UInt64: UInt32] = [:]
        for (composite, parts) in decompositions where parts.count == 2 && !exclusions.contains(composite) {
            compositions[UInt64(parts[0]) << 32 | UInt64(parts[1])] = composite
        }
        self.ranks = ranks
        self.decompositions = decompositions
        self.compositions = compositions
    }

    func decomposed(_ codePoints: [UInt32]) -> [ENSRankedCodePoint] {
        var out: [ENSRankedCodePoint] = []
        out.reserveCapacity(codePoints.count)
        var needsOrdering = false
        func add(_ codePoint: UInt32) {
            let rank = ranks[codePoint] ?? 0
            if rank != 0 { needsOrdering = true }
            out.append(ENSRankedCodePoint(codePoint: codePoint, rank: rank))
        }
        func decompose(_ codePoint: UInt32) {
            if codePoint < 0x80 {
                out.append(ENSRankedCodePoint(codePoint: codePoint, rank: 0))
            } else if codePoint >= Self.sBase, codePoint < Self.sBase + Self.sCount {
                let index = codePoint - Self.sBase
                add(Self.lBase + index / Self.nCount)
                add(Self.vBase + (index % Self.nCount) / Self.tCount)
                if index % Self.tCount > 0 { add(Self.tBase + index % Self.tCount) }
            } else if let parts = decompositions[codePoint] {
                for part in parts { decompose(part) }
            } else {
                add(codePoint)
            }
        }
        for codePoint in codePoints { decompose(codePoint) }
        if needsOrdering { Self.orderMarks(&out) }
        return out
    }

    /// Canonical ordering: a stable sort of each run of non-starters by rank.
    private static func orderMarks(_ items: inout [ENSRankedCodePoint]) {
        var index = 1
        while index < items.count {
            let rank = items[index].rank
            if rank != 0 {
                var position = index
                while position > 0, items[position - 1].rank > rank {
                    items.swapAt(position - 1, position)
                    position -= 1
                }
            }
            index += 1
        }
    }

    private func composePair(_ first: UInt32, _ second: UInt32) -> UInt32? {
        if first >= Self.lBase, first < Self.lBase + Self.lCount, second >= Self.vBase, second < Self.vBase + Self.vCount {
            return Self.sBase + (first - Self.lBase) * Self.nCount + (second - Self.vBase) * Self.tCount
        }
        if first >= Self.sBase, first < Self.sBase + Self.sCount, (first - Self.sBase) % Self.tCount == 0,
           second > Self.tBase, second < Self.tBase + Self.tCount {
            return first + (second - Self.tBase)
        }
        return compositions[UInt64(first) << 32 | UInt64(second)]
    }

    /// Canonical composition of a decomposed, ordered sequence.
    func composed(_ items: [ENSRankedCodePoint]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(items.count)
        var starter: UInt32? = nil
        var pending: [UInt32] = []  // marks after the starter that did not combine
        var lastRank: UInt8 = 0     // rank of the last item kept after the starter
        for item in items {
            guard let current = starter else {
                if item.rank == 0 { starter = item.codePoint } else { out.append(item.codePoint) }
                continue
            }
            let blocked = !pending.isEmpty && (lastRank == 0 || lastRank >= item.rank)
            if !blocked, let composite = composePair(current, item.codePoint) {
                starter = composite
                continue
            }
            if item.rank == 0 {
                out.append(current)
                out.append(contentsOf: pending)
                pending.removeAll(keepingCapacity: true)
                starter = item.codePoint
                lastRank = 0
            } else {
                pending.append(item.codePoint)
                lastRank = item.rank
            }
        }
        if let current = starter {
            out.append(current)
            out.append(contentsOf: pending)
        }
        return out
    }
}
