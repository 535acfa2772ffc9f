/// A set of Unicode code points stored as sorted, disjoint, inclusive ranges: membership is a
/// binary search, and building one from the generated tables allocates two arrays.
struct ENSCodePointSet: Sendable {
    private(set) var starts: [UInt32] = []
    private(set) var ends: [UInt32] = []

    init() {}

    /// Ranges given in ascending order, not overlapping (adjacent ones are merged).
    init(sortedRanges: [ClosedRange<UInt32>]) {
        starts.reserveCapacity(sortedRanges.count)
        ends.reserveCapacity(sortedRanges.count)
        for range in sortedRanges { append(range) }
    }

    private mutating func append(_ range: ClosedRange<UInt32>) {
        if let last = ends.last, range.lowerBound <= last &+ 1 {
            ends[ends.count - 1] = max(last, range.upperBound)
        } else {
            starts.append(range.lowerBound)
            ends.append(range.upperBound)
        }
    }

    func contains(_ codePoint: UInt32) -> Bool {
        starts.withUnsafeBufferPointer { starts in
            var low = 0
            var high = starts.count
            while low < high {
                let middle = (low + high) >> 1
                if starts[middle] <= codePoint {
                    low = middle + 1
                } else {
                    high = middle
                }
            }
            return low > 0 && codePoint <= ends[low - 1]
        }
    }

    /// Every code point of the set, ascending (for small sets).
    var codePoints: [UInt32] {
        var out: [UInt32] = []
        for (start, end) in zip(starts, ends) { out.append(contentsOf: start...end) }
        return out
    }
}
