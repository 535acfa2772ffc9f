/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as EIP-2124 fork ids use it.
public enum CRC32 {
    /// The byte-at-a-time lookup table.
    private static let table: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        return crc
    }

    /// The checksum of `bytes`.
    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        update(0, with: bytes)
    }

    /// The checksum of the data `crc` was computed over, followed by `bytes`.
    public static func update(_ crc: UInt32, with bytes: [UInt8]) -> UInt32 {
        var value = ~crc
        for byte in bytes {
            value = table[Int((value ^ UInt32(byte)) & 0xff)] ^ (value >> 8)
        }
        return ~value
    }
}
