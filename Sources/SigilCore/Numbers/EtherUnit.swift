/// The named denominations of ether, each a power of ten of wei.
public enum EtherUnit: String, CaseIterable, Sendable {
    case wei, kwei, mwei, gwei, szabo, finney, ether

    /// How many decimal places the unit has relative to wei: 1 `unit` = 10^decimals wei.
    public var decimals: Int {
        switch self {
        case .wei: return 0
        case .kwei: return 3
        case .mwei: return 6
        case .gwei: return 9
        case .szabo: return 12
        case .finney: return 15
        case .ether: return 18
        }
    }

    /// The unit with this name, ignoring ASCII case; `eth` is accepted for ether.
    /// Returns nil for anything else (no plurals, no `babbage`-style aliases).
    public init?(name: String) {
        var lowered = ""
        for scalar in name.unicodeScalars {
            guard scalar.isASCII else { return nil }
            lowered.unicodeScalars.append(Self.asciiLowercase(scalar))
        }
        if lowered == "eth" {
            self = .ether
            return
        }
        self.init(rawValue: lowered)
    }

    private static func asciiLowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard scalar.value >= 0x41 && scalar.value <= 0x5A else { return scalar }
        return Unicode.Scalar(UInt8(scalar.value + 0x20))
    }
}
