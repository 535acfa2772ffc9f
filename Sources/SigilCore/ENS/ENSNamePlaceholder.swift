// PLACEHOLDER until branch ens14 lands SigilCore/ENS (the ENSIP-15 normalizer): the same API
// names, so the swap is deleting this file. It lowercases ASCII and refuses the rest.

/// ENS names: normalization and namehash (EIP-137).
public enum ENSName {
    /// The normalized form of `name` (placeholder: ASCII only, lowercased; empty labels refused).
    public static func normalize(_ name: String) throws -> String {
        guard name.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7f }) else {
            throw ENSPlaceholderError(name: name)
        }
        let lowered = name.lowercased()
        guard !lowered.isEmpty, !lowered.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) else {
            throw ENSPlaceholderError(name: name)
        }
        return lowered
    }

    /// keccak256(namehash(parent) ‖ keccak256(label)), right to left; "" is 32 zero bytes.
    public static func namehash(_ name: String) -> [UInt8] {
        var node = [UInt8](repeating: 0, count: 32)
        guard !name.isEmpty else { return node }
        for label in name.split(separator: ".", omittingEmptySubsequences: false).reversed() {
            node = Keccak256.hash(node + Keccak256.hash(Array(label.utf8)))
        }
        return node
    }
}

struct ENSPlaceholderError: CategorizedError {
    let name: String
    var category: ErrorCategory { .invalidInput }
    var description: String { "'\(DisplayText.escaped(name))' is not a valid ENS name" }
}
