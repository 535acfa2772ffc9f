/// A BIP-32 derivation path such as `m/44'/60'/0'/0/0`: a list of child numbers below the
/// master key.
///
/// Parsing accepts `'`, `h` and `H` as the hardened marker and requires every index to be
/// below 2^31 written in plain decimal (no sign, no leading zeros, no spaces), so that the
/// canonical `description` (with `'`) parses back to the same path. Errors name the
/// 1-based component position.
public struct DerivationPath: Sendable, Hashable, CustomStringConvertible {
    /// Child numbers at or above this are hardened (2^31).
    public static let hardenedOffset: UInt32 = 0x8000_0000

    /// BIP-32 stores the depth in one byte.
    public static let maximumDepth = 255

    /// One step of a path.
    public struct Component: Sendable, Hashable, CustomStringConvertible {
        /// The index as written, below 2^31.
        public let index: UInt32
        /// Whether the step is hardened (derived from the private key only).
        public let isHardened: Bool

        /// A step; `index` must be below 2^31.
        public init(index: UInt32, hardened: Bool) throws(DerivationPathError) {
            guard index < DerivationPath.hardenedOffset else { throw .indexTooLarge(position: 1) }
            self.index = index
            self.isHardened = hardened
        }

        /// A step from a BIP-32 child number (hardened when ≥ 2^31).
        public init(childNumber: UInt32) {
            index = childNumber & ~DerivationPath.hardenedOffset
            isHardened = childNumber >= DerivationPath.hardenedOffset
        }

        /// The BIP-32 child number: `index`, plus 2^31 when hardened.
        public var childNumber: UInt32 { isHardened ? index | DerivationPath.hardenedOffset : index }

        /// `44'` or `0`.
        public var description: String { isHardened ? "\(index)'" : "\(index)" }
    }

    /// The steps below the master key; empty for `m` itself.
    public let components: [Component]

    /// A path from its steps (at most 255).
    public init(components: [Component]) throws(DerivationPathError) {
        guard components.count <= Self.maximumDepth else { throw .tooDeep(components.count) }
        self.components = components
    }

    /// The master key, `m`.
    public static let master = DerivationPath(validated: [])

    private init(validated components: [Component]) {
        self.components = components
    }

    /// Parses `m`, `m/0`, `m/44'/60'/0'/0/0`, `m/0H/1h`. Leading and trailing whitespace is ignored.
    public init(parsing text: String) throws(DerivationPathError) {
        let trimmed = Self.trimmed(Array(text.utf8))
        guard !trimmed.isEmpty else { throw .empty }
        let parts = trimmed.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard parts[0].elementsEqual("m".utf8) || parts[0].elementsEqual("M".utf8) else { throw .missingMaster }
        guard parts.count - 1 <= Self.maximumDepth else { throw .tooDeep(parts.count - 1) }
        var components: [Component] = []
        components.reserveCapacity(parts.count - 1)
        for (offset, part) in parts.dropFirst().enumerated() {
            components.append(try Self.parseComponent(Array(part), position: offset + 1))
        }
        self.components = components
    }

    /// The standard Ethereum account path `m/44'/60'/0'/0/index` (BIP-44, coin type 60), as
    /// used by MetaMask, eth-account and most wallets. `index` must be below 2^31.
    public static func ethereum(index: UInt32) throws(DerivationPathError) -> DerivationPath {
        guard index < hardenedOffset else { throw .indexTooLarge(position: 5) }
        return DerivationPath(validated: [
            Component(childNumber: 44 | hardenedOffset), Component(childNumber: 60 | hardenedOffset),
            Component(childNumber: hardenedOffset), Component(childNumber: 0), Component(childNumber: index),
        ])
    }

    /// `m/44'/60'/0'/0/0`.
    public static let ethereumDefault = try! ethereum(index: 0)

    /// The path with one more step.
    public func appending(_ component: Component) throws(DerivationPathError) -> DerivationPath {
        try DerivationPath(components: components + [component])
    }

    /// The child numbers in order, as `HDKey.derive` uses them.
    public var childNumbers: [UInt32] { components.map(\.childNumber) }

    /// The canonical text: `m` followed by `/index` or `/index'` per step.
    public var description: String {
        (["m"] + components.map(\.description)).joined(separator: "/")
    }

    // MARK: Parsing helpers

    private static func parseComponent(_ part: [UInt8], position: Int) throws(DerivationPathError) -> Component {
        guard !part.isEmpty else { throw .emptyComponent(position: position) }
        var digits = part[...]
        var hardened = false
        if let last = digits.last, last == UInt8(ascii: "'") || last == UInt8(ascii: "h") || last == UInt8(ascii: "H") {
            hardened = true
            digits = digits.dropLast()
        }
        guard !digits.isEmpty else { throw .missingIndex(position: position) }
        let value = try parseIndex(digits, position: position)
        return try! Component(index: value, hardened: hardened)
    }

    /// A decimal index below 2^31, strictly written.
    fileprivate static func parseIndex(_ digits: ArraySlice<UInt8>, position: Int) throws(DerivationPathError) -> UInt32 {
        guard !digits.isEmpty else { throw .missingIndex(position: position) }
        guard digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw .invalidCharacter(position: position)
        }
        guard digits.count == 1 || digits.first != UInt8(ascii: "0") else { throw .leadingZero(position: position) }
        var value: UInt64 = 0
        for digit in digits {
            value = value * 10 + UInt64(digit - UInt8(ascii: "0"))
            guard value < UInt64(hardenedOffset) else { throw .indexTooLarge(position: position) }
        }
        return UInt32(value)
    }

    fileprivate static func trimmed(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (0x09...0x0D).contains(c) }
        var slice = bytes[...]
        while let first = slice.first, isSpace(first) { slice = slice.dropFirst() }
        while let last = slice.last, isSpace(last) { slice = slice.dropLast() }
        return slice
    }
}

// MARK: Account index lists

extension DerivationPath {
    /// The most indices `parseIndexList` returns by default.
    public static let defaultMaximumIndexCount = 100

    /// Parses an account index selection: `5`, `0..9` (inclusive), `0,3,7`, or a mix such as
    /// `0..2,10`. Indices must be below 2^31, ranges ascending, and no index may repeat.
    /// At most `maximumCount` indices are accepted, so a typo like `0..99999999` fails fast.
    public static func parseIndexList(
        _ text: String, maximumCount: Int = defaultMaximumIndexCount
    ) throws(IndexListError) -> [UInt32] {
        let trimmed = Self.trimmed(Array(text.utf8))
        guard !trimmed.isEmpty else { throw .empty }
        var result: [UInt32] = []
        var seen = Set<UInt32>()
        let items = trimmed.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        for (offset, rawItem) in items.enumerated() {
            let item = Self.trimmed(Array(rawItem))
            let position = offset + 1
            guard !item.isEmpty else { throw .emptyItem(position: position) }
            let bounds: (UInt32, UInt32)
            if let dot = item.firstIndex(of: UInt8(ascii: ".")) {
                let rest = item[(dot + 1)...]
                guard rest.first == UInt8(ascii: "."), !rest.dropFirst().contains(UInt8(ascii: ".")) else {
                    throw .invalidItem(position: position)
                }
                let low = try index(item[..<dot], position: position)
                let high = try index(rest.dropFirst(), position: position)
                guard low <= high else { throw .descendingRange(position: position) }
                bounds = (low, high)
            } else {
                let single = try index(item, position: position)
                bounds = (single, single)
            }
            guard UInt64(bounds.1 - bounds.0) + UInt64(result.count) < UInt64(max(maximumCount, 0)) else {
                throw .tooMany(maximum: maximumCount)
            }
            for value in bounds.0...bounds.1 {
                guard seen.insert(value).inserted else { throw .duplicate(value) }
                result.append(value)
            }
        }
        return result
    }

    private static func index(_ digits: ArraySlice<UInt8>, position: Int) throws(IndexListError) -> UInt32 {
        do {
            return try parseIndex(Self.trimmed(Array(digits)), position: position)
        } catch .indexTooLarge {
            throw .indexTooLarge(position: position)
        } catch {
            throw .invalidItem(position: position)
        }
    }
}

/// Why a derivation path was rejected. Positions count the steps after `m`, from 1.
public enum DerivationPathError: CategorizedError, Equatable {
    case empty
    /// The path does not start with `m`.
    case missingMaster
    /// Two slashes in a row, or a trailing slash.
    case emptyComponent(position: Int)
    /// A hardened marker without a number (`m/'`).
    case missingIndex(position: Int)
    /// Something other than decimal digits and a final `'`, `h` or `H`.
    case invalidCharacter(position: Int)
    /// `01` instead of `1`.
    case leadingZero(position: Int)
    /// An index of 2^31 or more (write hardened steps as `n'`).
    case indexTooLarge(position: Int)
    /// More than 255 steps.
    case tooDeep(Int)

    public var category: ErrorCategory { .invalidInput }

    public var description: String {
        switch self {
        case .empty: return "derivation path is empty (expected e.g. m/44'/60'/0'/0/0)"
        case .missingMaster: return "derivation path must start with m (e.g. m/44'/60'/0'/0/0)"
        case .emptyComponent(let p): return "derivation path component \(p) is empty (doubled or trailing /)"
        case .missingIndex(let p): return "derivation path component \(p) has a hardened marker but no index"
        case .invalidCharacter(let p):
            return "derivation path component \(p) is not a decimal index optionally followed by ', h or H"
        case .leadingZero(let p): return "derivation path component \(p) has a leading zero"
        case .indexTooLarge(let p):
            return "derivation path component \(p) is too large: indices must be below 2^31 (2147483648); mark hardened steps with '"
        case .tooDeep(let n): return "derivation path has \(n) components; at most 255 are allowed"
        }
    }
}

/// Why an account index list (`0..9`, `5`, `0,3,7`) was rejected. Positions count
/// comma-separated items from 1.
public enum IndexListError: CategorizedError, Equatable {
    case empty
    /// Two commas in a row, or a trailing comma.
    case emptyItem(position: Int)
    /// Not `N` or `A..B` with decimal numbers.
    case invalidItem(position: Int)
    /// An index of 2^31 or more.
    case indexTooLarge(position: Int)
    /// `A..B` with A > B.
    case descendingRange(position: Int)
    /// The same index twice.
    case duplicate(UInt32)
    /// More indices than allowed.
    case tooMany(maximum: Int)

    public var category: ErrorCategory { .invalidInput }

    public var description: String {
        switch self {
        case .empty: return "index list is empty (expected e.g. 0, 0..9 or 0,3,7)"
        case .emptyItem(let p): return "index list item \(p) is empty"
        case .invalidItem(let p): return "index list item \(p) is not a number N or a range A..B"
        case .indexTooLarge(let p): return "index list item \(p) is too large: indices must be below 2^31"
        case .descendingRange(let p): return "index list item \(p) is a range whose start is above its end"
        case .duplicate(let n): return "index \(n) appears more than once in the index list"
        case .tooMany(let max): return "index list selects more than \(max) indices"
        }
    }
}
