public import SigilCore

#if canImport(Glibc)
import Glibc
#endif

/// Where `PeerStanding` keeps its lagging marks between commands: one line per peer,
/// `<key> <unix seconds when marked>`. The key is the first 16 bytes of the Keccak-256 of the
/// peer's URL, so a URL carrying an API key is not written out. The file is a hint: a missing,
/// unreadable or garbled file (or a line of it) means no marks, a failed write is ignored, and of
/// two commands saving at once the last one wins.
public struct PeerStandingFile: Sendable {
    public let path: String
    /// Seconds a mark is kept: after that the peer is given a grace again (and marked again if
    /// it is still silent).
    public static let memory: Int64 = 600
    /// Marks kept at most (the newest); the file stays a few kilobytes.
    static let capacity = 256

    public init(path: String) {
        self.path = path
    }

    /// The file's key for `url`.
    static func key(_ url: String) -> String { Hex.encode(Array(Keccak256.hash(url).prefix(16)), prefix: false) }

    /// The marks still in memory at `now` (unix seconds), by key.
    func load(now: Int64 = Self.now()) -> [String: Int64] {
        guard let bytes = try? FileIO.read(path, limit: 64 << 10) else { return [:] }
        var marks: [String: Int64] = [:]
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            let fields = line.split(separator: UInt8(ascii: " "))
            guard fields.count == 2, fields[0].count == 32, fields[0].allSatisfy(Self.isLowerHex),
                  let at = Int64(String(decoding: fields[1], as: UTF8.self)),
                  at <= now + 60, now - at < Self.memory   // not from the future (a clock set back), not expired
            else { continue }
            marks[String(decoding: fields[0], as: UTF8.self)] = at
        }
        return marks
    }

    /// Adds `marked` (as of now) and drops `cleared`, re-reading the file first so that marks
    /// saved by another command meanwhile are kept.
    func update(marked: [String], cleared: [String], now: Int64 = Self.now()) {
        var marks = load(now: now)
        for key in cleared { marks.removeValue(forKey: key) }
        for key in marked { marks[key] = now }
        let kept = marks.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(Self.capacity)
        let text = kept.map { "\($0.key) \($0.value)\n" }.joined()
        let directory = FileIO.directory(of: path)
        if !FileIO.isDirectory(directory) { try? FileIO.createDirectory(directory) }
        try? FileIO.writeAtomically(path, Array(text.utf8), overwrite: true)
    }

    static func now() -> Int64 { Int64(time(nil)) }

    private static func isLowerHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }
}
