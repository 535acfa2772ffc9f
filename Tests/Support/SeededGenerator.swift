import Foundation

/// The one seeded random generator of the test suites: SplitMix64, small and fast, so a failing
/// random case can be replayed from the seed it prints.
///
/// Every former per-file copy used this exact algorithm, so fixed seeds give the same sequences
/// as before.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    /// The seed this generator started from (print it when a random case fails).
    public let seed: UInt64
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        self.seed = seed
        state = seed
    }

    /// The seed of this run: the integer in `$variable` if set (to replay a failure), else a
    /// fresh random one.
    public static func seedFromEnvironment(_ variable: String = "SIGIL_SEED") -> UInt64 {
        if let text = ProcessInfo.processInfo.environment[variable], let value = UInt64(text) { return value }
        return UInt64.random(in: .min ... .max)
    }

    /// A generator seeded by `seedFromEnvironment(variable)`.
    public static func fromEnvironment(_ variable: String = "SIGIL_SEED") -> SeededGenerator {
        SeededGenerator(seed: seedFromEnvironment(variable))
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `count` random bytes, one draw per byte (the low byte of each `next()`).
    public mutating func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) }
    }
}
