import SigilCLI
import SigilCore
import SigilTestSupport
import Testing

/// What `tx decode` shows for signatures that are not plain valid ones: a high-s transaction
/// signature (sender recovered, marked non-canonical) and authorization tuples (raw yParity,
/// r, s and the recovered authority, or null). The command-line form is in TxDecodeCommandTests.
@Suite struct TransactionPresenterTests {
    static let order = try! U256(bigEndian: Hex.decode("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"))

    static func key(_ byte: UInt8) throws -> PrivateKey {
        var raw = [UInt8](repeating: byte, count: 32)
        return try PrivateKey(secret: SecureBytes(consuming: &raw))
    }

    static func field(_ presenter: TransactionPresenter, _ name: String) -> (text: String, json: JSONValue)? {
        presenter.fields().first { $0.0 == name }.map { ($0.1, $0.2) }
    }

    @Test func highSSignatureShowsTheRecoveredSenderAsNonCanonical() throws {
        let key = try Self.key(0x11)
        let tx = DynamicFeeTransaction(chainId: 1, nonce: 0, maxPriorityFeePerGas: 1, maxFeePerGas: 1, gasLimit: 21000,
                                       to: Address.zero, value: 0)
        let signed = try key.sign(tx)
        let highS = (Self.order - (try U256(bigEndian: signed.signature.s))).bigEndianBytes
        let mirrored = try Signature(r: signed.signature.r, s: highS, yParity: 1 - signed.signature.yParity)
        let presenter = TransactionPresenter(try SignedTransaction.decode(tx.encodedSigned(mirrored)))
        let from = try #require(Self.field(presenter, "from"))
        #expect(from.json == .string(key.address.checksummed))
        #expect(from.text.hasPrefix(key.address.checksummed + " (from a high-s signature"))
        #expect(Self.field(presenter, "canonicalSignature")?.json == .bool(false))
        // The canonical original: the same sender, no note.
        let original = TransactionPresenter(signed)
        #expect(Self.field(original, "from")?.text == key.address.checksummed)
        #expect(Self.field(original, "canonicalSignature")?.json == .bool(true))
    }

    @Test func authorizationsCarryTheirSignatureAndAuthority() throws {
        let authority = try Self.key(0x22)
        let good = try authority.sign(Authorization(chainId: 1, address: Address.zero, nonce: 4))
        var bad = good
        bad.yParity = 7
        let tx = SetCodeTransaction(chainId: 1, nonce: 0, maxPriorityFeePerGas: 1, maxFeePerGas: 2, gasLimit: 50000,
                                    to: Address.zero, value: 0, authorizationList: [good, bad])
        let presenter = TransactionPresenter(try Self.key(0x33).sign(tx))
        let list = try #require(Self.field(presenter, "authorizationList"))
        let word = { (value: U256) in JSONValue.string(value.bigEndianBytes.hexString) }
        #expect(list.json == .array([
            .object([("chainId", .string("1")), ("address", .string(Address.zero.checksummed)), ("nonce", .string("4")),
                     ("yParity", .integer(Int(good.yParity))), ("r", word(good.r)), ("s", word(good.s)),
                     ("authority", .string(authority.address.checksummed))]),
            .object([("chainId", .string("1")), ("address", .string(Address.zero.checksummed)), ("nonce", .string("4")),
                     ("yParity", .integer(7)), ("r", word(good.r)), ("s", word(good.s)), ("authority", .null)]),
        ]))
        #expect(list.text.contains("by \(authority.address.checksummed) (yParity \(good.yParity), r \(good.r.bigEndianBytes.hexString)"))
        #expect(list.text.contains("by nobody (invalid signature: "))
    }
}
