@testable import SigilCore
import Testing

@Suite struct EnodeTests {
    /// Node B of the EIP-8 vectors.
    static let key = RLPxTestSupport.key("b71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291").publicKey
    static var keyHex: String { Hex.encode(key.raw, prefix: false) }

    @Test func parsesIPv4HostNameAndIPv6() throws {
        let v4 = try Enode(parsing: "enode://\(Self.keyHex)@127.0.0.1:30303")
        #expect(v4.publicKey == Self.key && v4.host == "127.0.0.1" && v4.port == 30303)
        #expect(v4.description == "enode://\(Self.keyHex)@127.0.0.1:30303")
        let named = try Enode(parsing: "enode://\(Self.keyHex.uppercased())@boot-1.example.org:1?discport=30301")
        #expect(named.host == "boot-1.example.org" && named.port == 1 && named.publicKey == Self.key)
        let v6 = try Enode(parsing: "enode://\(Self.keyHex)@[::1]:30303")
        #expect(v6.host == "::1" && v6.port == 30303)
        #expect(v6.description == "enode://\(Self.keyHex)@[::1]:30303")
        #expect(try Enode(parsing: v6.description) == v6)
        #expect(Enode(publicKey: Self.key, host: "10.0.0.1", port: 8) == (try Enode(parsing: "enode://\(Self.keyHex)@10.0.0.1:8")))
    }

    @Test func namesWhatIsWrong() {
        let k = Self.keyHex
        let offCurve = String(repeating: "0", count: 127) + "7"
        let cases: [(String, EnodeError)] = [
            ("enr:-IS4Q", .missingScheme),
            ("http://\(k)@1.2.3.4:30303", .missingScheme),
            ("enode://\(k)", .missingHost),
            ("enode://\(k.dropLast(2))@1.2.3.4:30303", .keyLength(126)),
            ("enode://\(k.dropLast())g@1.2.3.4:30303", .keyNotHex),
            ("enode://\(offCurve)@1.2.3.4:30303", .keyNotOnCurve),
            ("enode://\(k)@:30303", .missingHost),
            ("enode://\(k)@1.2.3.4", .missingPort),
            ("enode://\(k)@1.2.3.4:0", .invalidPort("0")),
            ("enode://\(k)@1.2.3.4:65536", .invalidPort("65536")),
            ("enode://\(k)@1.2.3.4:port", .invalidPort("port")),
            ("enode://\(k)@bad host:1", .invalidHost("bad host")),
            ("enode://\(k)@[::1:1", .invalidHost("[::1:1")),
            ("enode://\(k)@1.2.3.4:1?foo=1", .invalidQuery("foo=1")),
        ]
        for (text, expected) in cases {
            #expect(throws: expected, "\(text)") { try Enode(parsing: text) }
        }
        #expect(EnodeError.keyLength(126).description.contains("128 hex digits"))
        #expect(EnodeError.invalidPort("x").category == .invalidInput)
    }
}
