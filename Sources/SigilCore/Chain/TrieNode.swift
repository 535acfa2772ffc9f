/// A node of the in-memory Merkle-Patricia trie, with paths held as nibbles (0...15).
///
/// The shapes are Ethereum's: a leaf (rest of the path and a value), an extension (a shared
/// path and one child, always a branch), and a branch (16 children and an optional value).
/// Every node is kept canonical: no branch with fewer than two entries, no extension chains,
/// no empty values, so the encoding (and root hash) depends only on the key/value set.
indirect enum TrieNode: Sendable {
    case empty
    case leaf(path: [UInt8], value: [UInt8])
    case extensionNode(path: [UInt8], child: TrieNode)
    case branch(children: [TrieNode], value: [UInt8])

    var isEmpty: Bool {
        if case .empty = self { return true }
        return false
    }

    static let emptyChildren = [TrieNode](repeating: .empty, count: 16)

    // MARK: - Insert

    /// This node with `value` stored at `path` (below this node); `value` is not empty.
    func inserting(_ value: [UInt8], at path: ArraySlice<UInt8>) -> TrieNode {
        switch self {
        case .empty:
            return .leaf(path: Array(path), value: value)
        case .leaf(let leafPath, let leafValue):
            let common = commonPrefixCount(leafPath[...], path)
            if common == leafPath.count && common == path.count { return .leaf(path: leafPath, value: value) }
            var children = Self.emptyChildren
            var branchValue = [UInt8]()
            Self.place(leafValue, rest: leafPath[(leafPath.startIndex + common)...], in: &children, value: &branchValue)
            Self.place(value, rest: path.dropFirst(common), in: &children, value: &branchValue)
            return Self.prefixed(Array(path.prefix(common)), .branch(children: children, value: branchValue))
        case .extensionNode(let extensionPath, let child):
            let common = commonPrefixCount(extensionPath[...], path)
            if common == extensionPath.count {
                return .extensionNode(path: extensionPath, child: child.inserting(value, at: path.dropFirst(common)))
            }
            var children = Self.emptyChildren
            var branchValue = [UInt8]()
            let rest = extensionPath[(common + 1)...]
            children[Int(extensionPath[common])] = rest.isEmpty ? child : .extensionNode(path: Array(rest), child: child)
            Self.place(value, rest: path.dropFirst(common), in: &children, value: &branchValue)
            return Self.prefixed(Array(path.prefix(common)), .branch(children: children, value: branchValue))
        case .branch(var children, let branchValue):
            guard let first = path.first else { return .branch(children: children, value: value) }
            children[Int(first)] = children[Int(first)].inserting(value, at: path.dropFirst())
            return .branch(children: children, value: branchValue)
        }
    }

    /// Puts a value whose remaining path is `rest` into a new branch.
    private static func place(_ value: [UInt8], rest: ArraySlice<UInt8>, in children: inout [TrieNode], value branchValue: inout [UInt8]) {
        guard let first = rest.first else {
            branchValue = value
            return
        }
        children[Int(first)] = .leaf(path: Array(rest.dropFirst()), value: value)
    }

    private static func prefixed(_ path: [UInt8], _ node: TrieNode) -> TrieNode {
        path.isEmpty ? node : .extensionNode(path: path, child: node)
    }

    // MARK: - Remove

    /// This node without the value at `path`, kept canonical.
    func removing(at path: ArraySlice<UInt8>) -> TrieNode {
        switch self {
        case .empty:
            return .empty
        case .leaf(let leafPath, _):
            return leafPath.elementsEqual(path) ? .empty : self
        case .extensionNode(let extensionPath, let child):
            guard path.starts(with: extensionPath) else { return self }
            return Self.joined(extensionPath, child.removing(at: path.dropFirst(extensionPath.count)))
        case .branch(var children, var value):
            if let first = path.first {
                let child = children[Int(first)]
                guard !child.isEmpty else { return self }
                children[Int(first)] = child.removing(at: path.dropFirst())
            } else {
                value = []
            }
            let used = children.indices.filter { !children[$0].isEmpty }
            if used.isEmpty { return value.isEmpty ? .empty : .leaf(path: [], value: value) }
            if used.count == 1 && value.isEmpty {
                return Self.joined([UInt8(used[0])], children[used[0]])
            }
            return .branch(children: children, value: value)
        }
    }

    /// `path` followed by `node`, merging paths so no extension leads to a leaf or extension.
    private static func joined(_ path: [UInt8], _ node: TrieNode) -> TrieNode {
        switch node {
        case .empty: return .empty
        case .leaf(let rest, let value): return .leaf(path: path + rest, value: value)
        case .extensionNode(let rest, let child): return .extensionNode(path: path + rest, child: child)
        case .branch: return .extensionNode(path: path, child: node)
        }
    }
}

/// The number of leading nibbles `a` and `b` share.
func commonPrefixCount(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Int {
    var count = 0
    var i = a.startIndex, j = b.startIndex
    while i < a.endIndex && j < b.endIndex && a[i] == b[j] {
        count += 1
        i += 1
        j += 1
    }
    return count
}

/// The nibbles of `bytes`, high half first.
func nibbles(of bytes: [UInt8]) -> [UInt8] {
    var out = [UInt8]()
    out.reserveCapacity(bytes.count * 2)
    for byte in bytes {
        out.append(byte >> 4)
        out.append(byte & 0x0f)
    }
    return out
}
