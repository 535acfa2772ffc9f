/// Which script groups hold a code point: sorted runs of code points held by the same groups,
/// so one binary search answers what would otherwise be a lookup in every group.
struct ENSGroupMembership: Sendable {
    private var starts: [UInt32] = []
    private var ends: [UInt32] = []
    private var owners: [[Int]] = []

    /// Decodes the `groupMembership` table (segments, see scripts/generate-ens-tables.py).
    init(_ text: ENSTableText) {
        var cursor: UInt32 = 0
        for entry in text.parts(",") {
            let fields = entry.parts(":")
            let range = fields[0].parts("+")
            let start = cursor + range[0].number
            let end = start + (range.count > 1 ? range[1].number : 0)
            starts.append(start)
            ends.append(end)
            owners.append(fields[1].sequence.map { Int($0) })
            cursor = end + 1
        }
    }

    /// Indices (ascending) of the groups holding `codePoint`; empty when none does.
    func groups(holding codePoint: UInt32) -> [Int] {
        let found: Int? = starts.withUnsafeBufferPointer { starts in
            var low = 0
            var high = starts.count
            while low < high {
                let middle = (low + high) >> 1
                if starts[middle] <= codePoint { low = middle + 1 } else { high = middle }
            }
            return low > 0 && codePoint <= ends[low - 1] ? low - 1 : nil
        }
        return found.map { owners[$0] } ?? []
    }
}
