/// The ENSIP-15 emoji sequences as a trie for longest-match tokenizing. Every FE0F in a fully
/// qualified sequence is optional in the input: the trie holds each sequence with and without it.
struct ENSEmojiTrie: Sendable {
    /// One emoji: as the spec lists it (fully qualified) and normalized (FE0F removed).
    struct Emoji: Sendable {
        let beautified: [UInt32]
        let normalized: [UInt32]
    }

    private var children: [[UInt32: Int32]] = [[:]]
    private var emojiAtNode: [Int32] = [-1]
    private(set) var emoji: [Emoji] = []

    init(sequences: [[UInt32]]) {
        for sequence in sequences {
            let index = Int32(emoji.count)
            emoji.append(Emoji(beautified: sequence, normalized: sequence.filter { $0 != 0xFE0F }))
            var nodes = [0]
            for codePoint in sequence {
                let next = nodes.map { child(of: $0, for: codePoint) }
                if codePoint == 0xFE0F { nodes += next } else { nodes = next }
            }
            for node in nodes { emojiAtNode[node] = index }
        }
    }

    private mutating func child(of node: Int, for codePoint: UInt32) -> Int {
        if let existing = children[node][codePoint] { return Int(existing) }
        let created = children.count
        children.append([:])
        emojiAtNode.append(-1)
        children[node][codePoint] = Int32(created)
        return created
    }

    /// The longest emoji starting at `start`, with the index just past it.
    func longestMatch(in codePoints: [UInt32], from start: Int) -> (emoji: Emoji, end: Int)? {
        var node = 0
        var best: (emoji: Emoji, end: Int)?
        var position = start
        while position < codePoints.count, let next = children[node][codePoints[position]] {
            node = Int(next)
            position += 1
            let found = emojiAtNode[node]
            if found >= 0 { best = (emoji[Int(found)], position) }
        }
        return best
    }
}
